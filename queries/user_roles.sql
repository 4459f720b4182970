-- Roles given by administrators in the app, by address.
SELECT email, role, granted_by, granted_at
FROM user_roles
ORDER BY email;
