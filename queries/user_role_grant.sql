-- Give an address a role in the app, or change the one it has.
INSERT INTO user_roles (email, role, granted_by, granted_at)
VALUES ($email, $role, $granted_by, current_localtimestamp())
ON CONFLICT (email) DO UPDATE SET role = excluded.role, granted_by = excluded.granted_by,
                                  granted_at = excluded.granted_at;
