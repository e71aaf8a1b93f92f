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

    def run_serve(args: argparse.Namespace) -> int:
        from pathlib import Path

        from casewatch.web.server import serve

        if not Path(args.db).is_file():
            raise user_error(f"{args.db}: no such database")
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
