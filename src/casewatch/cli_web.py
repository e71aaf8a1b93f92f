"""`casewatch serve` (the dashboard) and `casewatch users add|list|set-role|disable|enable|password|remove-demo`
(its accounts).

Also runnable on its own: ``python -m casewatch.cli_web serve --db FILE``.
"""

from __future__ import annotations

import argparse
import getpass
import sys


def add_parser(sub, out, err, user_error, parse_date) -> None:
    from casewatch.web.permissions import ROLES

    p = sub.add_parser("serve", help="the web dashboard (Django), reading the analytics database read-only")
    p.add_argument("--db", required=True, help="the analytics database (DuckDB)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--server", choices=("waitress", "django"), default="waitress",
                   help="waitress (default, for real use) or Django's threaded server (comparison, debugging)")
    p.add_argument("--threads", type=int, default=16, help="waitress's request threads (default 16)")
    p.add_argument("--council", default=None, help="the council to show, in a database holding several")
    p.add_argument("--la", default=None, help="DfE LA number (3 digits) to compare the council as: England, its "
                   "statistical neighbours and Ofsted history (default: the one the data names)")
    p.add_argument("--demo-accounts", action="store_true",
                   help="create one account per role (synthetic council on loopback only) and print them")

    def run_serve(args: argparse.Namespace) -> int:
        import os

        from casewatch.measures.api import IndicatorError, open_council
        from casewatch.web.server import LOOPBACK, serve, setup

        try:  # missing, not DuckDB, not casewatch, no such council or LA: said now, not on a page
            with open_council(args.db, args.council, args.la):
                pass
        except IndicatorError as exc:
            raise user_error(str(exc)) from None
        for name, value in (("CASEWATCH_COUNCIL", args.council), ("CASEWATCH_LA", args.la)):
            if value:
                os.environ[name] = value
        if args.demo_accounts:
            if args.host not in LOOPBACK:
                raise user_error("--demo-accounts is for a synthetic council on loopback only")
            os.environ.setdefault("CASEWATCH_INSECURE_COOKIES", "1")
            setup(args.db)
            from casewatch.web.users import DEMO_PASSWORD, AccountError, demo_accounts

            try:
                accounts = demo_accounts(args.db)
            except AccountError as exc:
                raise user_error(str(exc)) from None
            out.print(f"demo accounts (password {DEMO_PASSWORD}; demo data only):", markup=False)
            for name, role, scope in accounts:
                out.print(f"  {name:22} {role:16} {scope}", markup=False)
        err.print(f"casewatch: serving http://{args.host}:{args.port}/ (Ctrl-C to stop)", markup=False)
        try:
            serve(args.db, args.host, args.port, args.server, args.threads)
        except KeyboardInterrupt:
            return 0
        return 0

    p.set_defaults(func=run_serve)

    users = sub.add_parser("users", help="dashboard accounts")
    usub = users.add_subparsers(dest="users_command", required=True)
    a = usub.add_parser("add", help="create an account with a role")
    a.add_argument("username")
    a.add_argument("--role", required=True, choices=ROLES)
    a.add_argument("--team", action="append", dest="teams", default=[], help="a team id (team managers; repeatable)")
    a.add_argument("--worker", default="", help="the worker id (social workers: their own caseload)")
    a.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")

    def run_add(args: argparse.Namespace) -> int:
        _account(user_error, "add_user", args.username, args.role, _password(args, user_error), args.teams,
                 args.worker)
        out.print(f"created {args.username} ({args.role})", markup=False)
        return 0

    a.set_defaults(func=run_add)

    ls = usub.add_parser("list", help="every account: role, scope, active, last sign-in")

    def run_list(args: argparse.Namespace) -> int:
        from casewatch.words import day_short

        rows = _account(user_error, "list_users")
        out.print(f"{'username':22} {'role':16} {'active':6} {'last sign-in':17} scope", markup=False)
        for r in rows:
            scope = " ".join([*(f"team {t}" for t in r["teams"]), *([f"worker {r['worker']}"] if r["worker"] else [])])
            last = f"{day_short(r['last_login'])} {r['last_login']:%H:%M}" if r["last_login"] else "never"
            out.print(f"{r['username']:22} {r['role'] or '(none)':16} {'yes' if r['active'] else 'no':6} "
                      f"{last:17} {scope}", markup=False)
        return 0

    ls.set_defaults(func=run_list)

    r = usub.add_parser("set-role", help="change an account's role and scope (its sessions end)")
    r.add_argument("username")
    r.add_argument("--role", required=True, choices=ROLES)
    r.add_argument("--team", action="append", dest="teams", default=[], help="a team id (team managers; repeatable)")
    r.add_argument("--worker", default="", help="the worker id (social workers)")

    def run_role(args: argparse.Namespace) -> int:
        _account(user_error, "set_role", args.username, args.role, args.teams, args.worker)
        out.print(f"{args.username} is now {args.role}", markup=False)
        return 0

    r.set_defaults(func=run_role)

    for verb, active, what in (("disable", False, "refuse sign-in and end its sessions now"),
                               ("enable", True, "allow sign-in again")):
        d = usub.add_parser(verb, help=f"{what} (the audit log keeps its rows)")
        d.add_argument("username")

        def run_active(args: argparse.Namespace, active: bool = active, verb: str = verb) -> int:
            _account(user_error, "set_active", args.username, active)
            out.print(f"{args.username} {verb}d", markup=False)
            return 0

        d.set_defaults(func=run_active)

    pw = usub.add_parser("password", help="set a new password (its sessions end)")
    pw.add_argument("username")
    pw.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")

    def run_password(args: argparse.Namespace) -> int:
        _account(user_error, "reset_password", args.username, _password(args, user_error))
        out.print(f"new password set for {args.username}", markup=False)
        return 0

    pw.set_defaults(func=run_password)

    rd = usub.add_parser("remove-demo", help="delete every demo account (demo_<role>, made by serve --demo-accounts)")

    def run_remove_demo(args: argparse.Namespace) -> int:
        removed = _account(user_error, "remove_demo")
        out.print(f"removed {removed} demo account{'' if removed == 1 else 's'}", markup=False)
        return 0

    rd.set_defaults(func=run_remove_demo)


def _password(args: argparse.Namespace, user_error) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Again: "):
        raise user_error("the passwords differ")
    return password


def _account(user_error, action: str, *args):
    """Set Django up (migrations applied), then run ``casewatch.web.users.<action>`` (it can only be imported once
    Django is set up); its AccountError becomes a user error."""
    from casewatch.web.server import setup

    setup()
    from casewatch.web import users

    try:
        return getattr(users, action)(*args)
    except users.AccountError as exc:
        raise user_error(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    from casewatch.cli import UserError, _date, err, out

    parser = argparse.ArgumentParser(prog="casewatch")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub, out, err, UserError, _date)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        err.print(f"casewatch: {exc}", markup=False)
        return 2


if __name__ == "__main__":
    sys.exit(main())
