"""Write Annex A (lists 1-7) for the 12 months to a date from the canonical tables, with Ofsted's
column headers and labels as councils write them ('a) Male', 'q) 6: Police' style codes with their label)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casewatch.returns.annex_a.spec import lists

SEX = "CASE c.sex WHEN 'M' THEN 'a) Male' WHEN 'F' THEN 'b) Female' ELSE 'c) Not stated/recorded' END"
DIS = "CASE WHEN c.disability THEN 'a) Yes' WHEN NOT c.disability THEN 'b) No' END"
AGE = "date_diff('year', c.date_of_birth, {d})"
CAT = ("CASE {c} WHEN 'NEG' THEN 'a) Neglect' WHEN 'PHY' THEN 'b) Physical Abuse' WHEN 'SAB' THEN 'c) Sexual Abuse' "
       "WHEN 'EMO' THEN 'd) Emotional Abuse' WHEN 'MUL' THEN 'e) Multiple' END")
NEED = ("CASE t.primary_need WHEN 'N1' THEN 'a) Abuse or neglect' WHEN 'N2' THEN 'b) Child''s disability' "
        "WHEN 'N3' THEN 'c) Parents illness or disability' WHEN 'N4' THEN 'd) Family in acute stress' "
        "WHEN 'N5' THEN 'e) Family dysfunction' WHEN 'N6' THEN 'f) Socially unacceptable behaviour' "
        "WHEN 'N7' THEN 'g) Low income' WHEN 'N8' THEN 'h) Absent parenting' WHEN 'N9' THEN 'i) Not CIN' "
        "WHEN 'N0' THEN 'j) Not stated' END")
CLOSURE = ("CASE t.closure_reason WHEN 'RC1' THEN 'a) Adopted' WHEN 'RC2' THEN 'b) Died' WHEN 'RC3' THEN "
           "'c) Residence Order' WHEN 'RC4' THEN 'd) Special Guardianship Order' WHEN 'RC5' THEN "
           "'e) Transfer to another LA' WHEN 'RC6' THEN 'f) Transfer to Adult Social Services' WHEN 'RC7' THEN "
           "'g) ''Other'' incl. Child no longer in need' ELSE 'h) Child not in need after assessment' END")
YN = "CASE WHEN {c} THEN 'a) Yes' WHEN NOT {c} THEN 'b) No' END"


def _child(d: str) -> str:
    return f"t.child_id, {SEX}, c.ethnicity, c.date_of_birth, {AGE.format(d=d)}"


def queries(s: str, e: str) -> dict[str, str]:
    j = "FROM {t} t JOIN children c USING (child_id)"
    return {
        "list_1": f"SELECT {_child('t.contact_date')}, t.contact_date, t.source {j.format(t='contacts')} "
                  f"WHERE t.contact_date BETWEEN {s} AND {e}",
        "list_2": f"SELECT {_child('t.start_date')}, t.start_date, CASE WHEN t.end_date <= {e} THEN t.end_date END, "
                  f"'Early help team' {j.format(t='early_help_episodes')} WHERE t.start_date BETWEEN {s} AND {e}",
        "list_3": f"SELECT {_child('t.referral_date')}, t.referral_date, t.source, {YN.format(c='t.nfa')}, NULL, NULL, "
                  f"NULL {j.format(t='referrals')} WHERE t.referral_date BETWEEN {s} AND {e}",
        "list_4": f"SELECT {_child('t.start_date')}, {DIS}, t.start_date, {YN.format(c='t.child_seen')}, "
                  f"CASE WHEN t.authorised_date <= {e} THEN t.authorised_date END, NULL, NULL, NULL "
                  f"{j.format(t='assessments')} WHERE t.start_date BETWEEN {s} AND {e}",
        "list_5": f"SELECT {_child('t.start_date')}, {DIS}, t.start_date, NULL, "
                  f"CASE WHEN t.icpc_date <= {e} THEN t.icpc_date END, NULL, NULL, NULL, NULL, NULL "
                  f"{j.format(t='section47')} WHERE t.start_date BETWEEN {s} AND {e}",
        "list_6": f"SELECT {_child('t.referral_date')}, {DIS}, t.referral_date, {NEED}, NULL, "
                  f"CASE WHEN t.closure_date <= {e} THEN t.closure_date END, "
                  f"CASE WHEN t.closure_date <= {e} THEN {CLOSURE} END, "
                  f"CASE WHEN t.closure_date <= {e} THEN 'Closed' ELSE 'Open' END, NULL, NULL "
                  f"{j.format(t='referrals')} WHERE t.referral_date <= {e} AND (t.closure_date IS NULL OR "
                  f"t.closure_date >= {s}) AND NOT t.nfa",
        "list_7": f"SELECT {_child('t.start_date')}, {DIS}, t.start_date, {CAT.format(c='t.initial_category')}, "
                  f"{CAT.format(c='t.latest_category')}, NULL, NULL, NULL, "
                  f"CASE WHEN t.end_date <= {e} THEN t.end_date END, NULL, NULL, NULL, NULL "
                  f"{j.format(t='cp_plans')} WHERE t.start_date <= {e} AND (t.end_date IS NULL OR t.end_date >= {s})",
    }


def write_annex_a(con, out_path: Path, period_end: dt.date) -> Path:
    s = f"DATE '{(period_end - dt.timedelta(days=364)).isoformat()}'"
    e = f"DATE '{period_end.isoformat()}'"
    import xlsxwriter

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(out_path))
    bold, date = book.add_format({"bold": True}), book.add_format({"num_format": "dd/mm/yyyy"})
    try:
        for lst, sql in queries(s, e).items():
            headers = [c["name"] for c in lists()[lst]]
            sheet = book.add_worksheet(f"List {lst.split('_')[1]}")
            sheet.write_row(0, 0, headers, bold)
            for r, row in enumerate(con.execute(sql).fetchall(), start=1):
                for i, v in enumerate(row[: len(headers)]):
                    if isinstance(v, dt.date):
                        sheet.write_datetime(r, i, dt.datetime.combine(v, dt.time()), date)
                    elif v is not None:
                        sheet.write(r, i, v)
    finally:
        book.close()
    return out_path
