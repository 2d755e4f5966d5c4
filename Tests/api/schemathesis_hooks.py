"""Schemathesis hooks for `warehouse serve`: each operation is called as the role that may use it (the
session cookie of that role), with that session's CSRF token in the body, and path parameters are often
a real document or dossier so that the routes are reached past their "not found".

Read by schemathesis through SCHEMATHESIS_HOOKS; the sessions come from the JSON file in WH_SESSIONS
(written by schemathesis_test.py): {"roles": {role: {"cookie": ..., "csrf": ...}}, "document": ..., "dossier": ...}.
"""
import json
import os
import zlib

import schemathesis

with open(os.environ["WH_SESSIONS"], encoding="utf-8") as f:
    STATE = json.load(f)


def role_for(path):
    """The role whose account may call `path` (others are refused, which the Swift tests check)."""
    if path.startswith("/admin"):
        return "admin"
    if path in ("/audit", "/api/access-log"):
        return "auditor"
    if path in ("/me", "/api/me/documents", "/documents/{id}/reuse"):
        return "citizen"
    if path in ("/login", "/verify", "/api/verify", "/health", "/metrics", "/static/style.css"):
        return None
    return "clerk"


def often(value):
    """True for about three values in four, decided by the value itself (hooks must be deterministic)."""
    return zlib.crc32(repr(value).encode()) % 4 != 0


@schemathesis.hook
def map_path_parameters(ctx, parameters):
    if not parameters:
        return parameters
    if "id" in parameters and often(parameters["id"]):
        parameters["id"] = STATE["document"]
    if "code" in parameters and often(parameters["code"]):
        path = ctx.operation.path if ctx.operation is not None else ""
        parameters["code"] = STATE["dossier"] + "-KQ1" if path.endswith("/sealed.pdf") else STATE["dossier"]
    if "file" in parameters and often(parameters["file"]):
        parameters["file"] = 1
    if "page" in parameters and often(parameters["page"]):
        parameters["page"] = 1
    return parameters


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    role = role_for(case.operation.path)
    if role is None:
        return
    session = STATE["roles"][role]
    case.cookies = dict(case.cookies or {}, wh_session=session["cookie"])
    if isinstance(case.body, dict) and "csrf" in case.body:
        case.body["csrf"] = session["csrf"]
    if case.headers is not None and "X-CSRF-Token" in case.headers:
        case.headers["X-CSRF-Token"] = session["csrf"]
