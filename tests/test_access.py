"""The rules of who may do what: the role order, addresses, the role configuration, the role
a user ends up with, and the roles kept in the database."""

import duckdb
import pytest

from lagesbild.data import db
from lagesbild.admin import user_roles
from lagesbild.access import (Role, RoleConfigError, User, identity_email, normalize_email,
                              parse_role_config, resolve_role)
from lagesbild.i18n import t


def test_roles_rise_in_rights():
    assert Role.ADMIN.allows(Role.EDITOR) and Role.EDITOR.allows(Role.READER)
    assert not Role.READER.allows(Role.EDITOR) and not Role.EDITOR.allows(Role.ADMIN)
    assert not User(email="x@y.se", name="X", role=None).may(Role.READER)


@pytest.mark.parametrize("text, expected", [
    (" Anna.Berg@Koping.SE ", "anna.berg@koping.se"),
    ("it-chef@vmkf.se", "it-chef@vmkf.se"),
    ("anna", None), ("anna@", None), ("@koping.se", None), ("anna@koping", None),
    ("anna berg@koping.se", None), ("anna@@koping.se", None), ("", None),
    ("a" * 250 + "@x.se", None),
])
def test_normalize_email(text, expected):
    assert normalize_email(text) == expected


def test_role_config_maps_each_address_to_its_highest_role():
    roles = parse_role_config({
        "admin": ["IT-chef@vmkf.se"],
        "redaktör": ["anna@koping.se", "it-chef@vmkf.se"],
        "Läsare": ["bo@arboga.se", "Anna@Koping.se"],
        "reader": ["cecilia@kungsor.se"],
    })
    assert roles == {"it-chef@vmkf.se": Role.ADMIN, "anna@koping.se": Role.EDITOR,
                     "bo@arboga.se": Role.READER, "cecilia@kungsor.se": Role.READER}
    assert parse_role_config(None) == {}


@pytest.mark.parametrize("raw, key, named", [
    ({"chef": ["a@b.se"]}, "access.config.unknown_role", "chef"),
    ({"admin": "a@b.se"}, "access.config.not_a_list", "admin"),
    ({"läsare": ["a@b.se", "inte en adress"]}, "access.config.bad_email", "inte en adress"),
    ({"läsare": [42]}, "access.config.bad_email", "42"),
])
def test_malformed_role_config_is_refused_with_what_is_wrong(raw, key, named):
    with pytest.raises(RoleConfigError) as raised:
        parse_role_config(raw)
    assert raised.value.key == key
    assert named in str(raised.value) and "[lagesbild.roller]" in str(raised.value)
    assert named in t(raised.value.key, "en", **raised.value.values)


def test_a_user_gets_the_higher_of_configuration_and_table():
    configured = {"anna@koping.se": Role.READER, "it-chef@vmkf.se": Role.ADMIN}
    assert resolve_role("Anna@Koping.se", configured, None) is Role.READER
    assert resolve_role("anna@koping.se", configured, Role.EDITOR) is Role.EDITOR
    assert resolve_role("it-chef@vmkf.se", configured, Role.READER) is Role.ADMIN
    assert resolve_role("bo@arboga.se", configured, Role.READER) is Role.READER
    assert resolve_role("okand@arboga.se", configured, None) is None


def test_identity_email_falls_back_to_entra_ids_preferred_username():
    assert identity_email({"email": "Anna@Koping.se", "preferred_username": "x@y.se"}) == \
        "anna@koping.se"
    assert identity_email({"preferred_username": "Bo@Arboga.se"}) == "bo@arboga.se"
    assert identity_email({"preferred_username": "bo", "name": "Bo"}) == ""
    assert identity_email({}) == ""


def change_log(con):
    return con.execute("SELECT changed_by, action, kind, file_name, rows_inserted, rows_updated "
                       "FROM change_log ORDER BY change_id").fetchall()


def test_roles_given_in_the_app_are_stored_and_logged(con):
    admin = "it-chef@vmkf.se"
    assert user_roles.set_role(con, "anna@koping.se", Role.READER, changed_by=admin) \
        is user_roles.Change.GRANTED
    assert user_roles.set_role(con, "anna@koping.se", Role.EDITOR, changed_by=admin) \
        is user_roles.Change.CHANGED
    assert user_roles.set_role(con, "anna@koping.se", Role.EDITOR, changed_by=admin) \
        is user_roles.Change.UNCHANGED
    assert user_roles.granted_role(con, "anna@koping.se") is Role.EDITOR
    rows = user_roles.granted_roles(con)
    assert rows[["email", "role", "granted_by"]].values.tolist() == [
        ["anna@koping.se", "redaktör", admin]]
    assert user_roles.set_role(con, "anna@koping.se", None, changed_by=admin) \
        is user_roles.Change.REMOVED
    assert user_roles.granted_role(con, "anna@koping.se") is None
    assert user_roles.set_role(con, "anna@koping.se", None, changed_by=admin) \
        is user_roles.Change.UNCHANGED
    assert change_log(con) == [
        (admin, "role", "roller", "anna@koping.se: läsare", 1, 0),
        (admin, "role", "roller", "anna@koping.se: redaktör", 0, 1),
        (admin, "role", "roller", "anna@koping.se: –", 0, 1),
    ]


def test_a_role_change_the_table_refuses_leaves_nothing_behind(con):
    with pytest.raises(duckdb.ConstraintException):
        # Not a normalised address: the table's check refuses it, and the log stays empty.
        user_roles.set_role(con, "Anna@Koping.se", Role.READER, changed_by="it-chef@vmkf.se")
    assert user_roles.granted_roles(con).empty
    assert change_log(con) == []
    assert db.data_version(con) == 0
