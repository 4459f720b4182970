-- Take away the role an address was given in the app.
DELETE FROM user_roles WHERE email = $email;
