"""`casewatch serve` (the dashboard) and `casewatch users add` (its accounts).

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
    p.add_argument("--demo-accounts", action="store_true",
                   help="create one account per role (synthetic council on loopback only) and print them")

    def run_serve(args: argparse.Namespace) -> int:
        import os
        from pathlib import Path

        from casewatch.web.server import LOOPBACK, serve, setup

        if not Path(args.db).is_file():
            raise user_error(f"{args.db}: no such database")
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
            serve(args.db, args.host, args.port)
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
        from casewatch.web.server import setup

        setup()
        from casewatch.web.users import AccountError, add_user

        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Again: "):
                raise user_error("the passwords differ")
        try:
            add_user(args.username, args.role, password, args.teams, args.worker)
        except AccountError as exc:
            raise user_error(str(exc)) from None
        out.print(f"created {args.username} ({args.role})", markup=False)
        return 0

    a.set_defaults(func=run_add)


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
