"""The data layer: the import contracts, the database and its queries, reading and loading
files (also through import profiles), exports and backups. It imports only the rules."""
