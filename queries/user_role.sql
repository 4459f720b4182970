-- The role given in the app to one address (no row: none).
SELECT role FROM user_roles WHERE email = $email;
