"""Runs INSIDE the peers' venv (var/bench/peers): Social Finance's demand model on a folder of SSDA903 CSVs.

    python peer_demand_peer.py DIR --start YYYY-MM-DD --end YYYY-MM-DD [--horizon-months 12]
                               [--model multinomial|stock_and_flow] [--keep-short-breaks] [--no-censor]

Prints one JSON object: {"peer", "version", "model", "seconds", "import_s", "start", "end", "dates",
"total", "sd", "by_state", "stock_at_end", "states", "episodes", "warnings"}: the forecast number of children in
care on each month end after --end (the reference window's end is the forecast's start, as in the peer's CLI).

How the peer is driven. The PyPI package demand-model 0.2.0 ships only the predictors (demand_model:
MultinomialPredictor, StockAndFlowPredictor). Its console script `demand-model` points at `ssda903.__main__`, a
package that is not in the wheel (running it fails with ModuleNotFoundError: ssda903). That ssda903 front end
(read the 903 files, clean the episodes, bin them by age band x placement category, population stats over the
reference window, daily transition rates and daily entrants) lives in Social Finance's repositories only; the
version that shipped with 0.2.0 (Feb 2024; the same files were moved into SocialFinanceDigitalLabs/
cs-demand-model-regional, commit 3c2735c "adapt usage of 0.2.0 version of demand-model") was read, and its steps
are re-implemented here (not copied) so that the installed predictor can be driven as that CLI's `predict`
command drives it:

  1. every *.csv under DIR is read as text; a file is a Header if it has CHILD SEX DOB ETHNIC UPN MOTHER MC_DOB,
     an Episodes file if it has CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE HOME_POST
     PL_POST (the peer's own table detection); other 903 tables are ignored, as by the peer;
  2. headers of all years concatenated, one row per CHILD (the first); each year's episodes inner-joined to them;
     dates parsed as dd/mm/yyyy;
  3. the peer's cleaning: sort by CHILD, DECOM, DEC (open first); of episodes with the same CHILD and DECOM keep
     the last (the one that has a DEC), of those with the same CHILD and DEC keep the first; an episode that is
     open or ends after the child's next DECOM is cut at that DECOM;
  4. state = age band at the episode's DECOM (age = days / 365.24; Birth to 1, 1 to 5, 5 to 10, 10 to 16,
     16 to 18+) x placement category of PLACE (Fostering U1-U6; Residential K2 R1; Supported H5 P2; every other
     code Other); previous / next category: the same child's adjacent episode if it starts on the day this one
     ends (resp. ended on the day this one starts), else "Not in care". An episode keeps its start age band to its
     end: ageing is not a transition in this version (its `ageing_out` rates exist but the CLI does not use them);
  5. stock per state per day (episodes with DECOM <= d < DEC), transitions per (state, next state) per DEC day;
     daily rate = transitions / previous day's stock over the reference window (first day: that day's stock),
     0 where undefined, averaged over the window's days; daily entrants per state = episodes starting in the
     window after "Not in care" / days in the window;
  6. MultinomialPredictor(population = stock on --end, transition_rates, transition_numbers = daily entrants,
     start_date = --end).predict(days) with daily steps (the CLI's default model; --model stock_and_flow uses
     StockAndFlowPredictor with the entrants as an external bin, like the CLI's other model); "Not in care" states
     are dropped and the rest summed. sd = square root of the summed multinomial variances.

Adaptations (of our files and of the driving), all listed:

  a. short breaks: episodes with LS V3 or V4 are dropped before anything else (the peer counts them as in care;
     casewatch and the DfE do not). --keep-short-breaks turns this off. (Our synthetic returns have none.)
  b. censoring at --end: episodes starting after --end are dropped and a DEC after --end is blanked, so that the
     peer sees only what was known at the forecast's start even when DIR holds later years' returns (the peer
     itself would use later DECs and next episodes when cleaning). --no-censor turns this off.
  c. states are plain strings "Birth to 1 - Fostering" (as in the peer's later ssda903) instead of tuples of enum
     names: pandas reads a tuple as a multi-level key in the predictor's .xs(), so tuples are unsafe there.
  d. every state seen in the stock or the entrants gets a 0 self-transition rate when it has no observed
     transition in the window (as the peer's later ssda903 does with its "unique transitions"): without it the
     0.2.0 predictor's matrix and its population vector differ in length and the projection crashes.
  f. a daily rate that would be infinite (a transition out of a state whose previous-day stock was 0, e.g. an
     episode that starts and ends on one day) is counted as 0 and reported in "warnings"; the peer would average
     an infinity into the rate and its projection would blow up. (None on our synthetic returns so far.)
  g. the files need no renaming or reformatting: our SSDA903_YEAR_TABLE.csv files carry the DfE column names and
     dd/mm/yyyy dates the peer expects, one file per table per collection year; the peer would tell the year of
     an Episodes file from its latest DECOM, which nothing here needs (all years are read together).
"""

from __future__ import annotations

import argparse
import json
import time

T0 = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from dateutil.relativedelta import relativedelta  # noqa: E402
from demand_model import MultinomialPredictor, StockAndFlowPredictor  # noqa: E402

T1 = time.perf_counter()

HEADER = {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}
EPISODES = {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
            "HOME_POST", "PL_POST"}
YEAR_IN_DAYS = 365.24
AGE_BANDS = (("Birth to 1", -1, 1), ("1 to 5", 1, 5), ("5 to 10", 5, 10), ("10 to 16", 10, 16),
             ("16 to 18+", 16, 30))
CATEGORIES = {**{c: "Fostering" for c in ("U1", "U2", "U3", "U4", "U5", "U6")},
              **{c: "Residential" for c in ("K2", "R1")}, **{c: "Supported" for c in ("H5", "P2")}}
OTHER, NOT_IN_CARE, EXTERNAL = "Other", "Not in care", "External"


def read(folder: str, keep_short_breaks: bool, censor_at: pd.Timestamp | None) -> tuple[pd.DataFrame, list]:
    from pathlib import Path
    headers, episodes, warnings = [], [], []
    for path in sorted(Path(folder).rglob("*.csv")):
        df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        if set(df.columns) >= HEADER:
            headers.append(df)
        elif set(df.columns) >= EPISODES:
            episodes.append(df)
    if not headers or not episodes:
        raise SystemExit(f"no 903 Header and Episodes CSVs under {folder}")
    header = pd.concat(headers).drop_duplicates(subset=["CHILD"])
    header["DOB"] = pd.to_datetime(header["DOB"], format="%d/%m/%Y")
    eps = []
    for e in episodes:
        e = e.copy()
        e["DECOM"] = pd.to_datetime(e["DECOM"], format="%d/%m/%Y")
        e["DEC"] = pd.to_datetime(e["DEC"], format="%d/%m/%Y")
        eps.append(header[["CHILD", "DOB"]].merge(e, how="inner", on="CHILD"))
    df = pd.concat(eps, ignore_index=True)
    if not keep_short_breaks:
        short = df["LS"].isin(["V3", "V4"])
        if short.any():
            warnings.append(f"{int(short.sum())} short-break episodes (LS V3/V4) dropped")
        df = df[~short]
    if censor_at is not None:
        df = df[df["DECOM"] <= censor_at].copy()
        df.loc[df["DEC"] > censor_at, "DEC"] = pd.NaT
    return df, warnings


def clean(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["CHILD", "DECOM", "DEC"], na_position="first")
    df = df.drop_duplicates(["CHILD", "DECOM"], keep="last")
    df = df.drop_duplicates(["CHILD", "DEC"], keep="first")
    nxt = df.groupby("CHILD")["DECOM"].shift(-1)
    cut = df["DEC"].isna() | (df["DEC"] > nxt)
    df.loc[cut, "DEC"] = nxt[cut]
    return df


def enrich(df: pd.DataFrame) -> pd.DataFrame:
    age = (df["DECOM"] - df["DOB"]).dt.days / YEAR_IN_DAYS
    band = pd.Series(None, index=df.index, dtype=object)
    for label, lo, hi in AGE_BANDS:
        band[(age >= lo) & (age < hi)] = label
    df = df.assign(age_band=band, category=df["PLACE"].map(CATEGORIES).fillna(OTHER))
    df = df[df["age_band"].notna()]  # the peer's bins stop at 30
    df = df.sort_values(["CHILD", "DECOM", "DEC"], na_position="first")
    same_prev = df["CHILD"].eq(df["CHILD"].shift(1)) & df["DECOM"].eq(df["DEC"].shift(1))
    same_next = df["CHILD"].eq(df["CHILD"].shift(-1)) & df["DEC"].eq(df["DECOM"].shift(-1))
    df["before"] = df["category"].shift(1).where(same_prev, NOT_IN_CARE)
    df["after"] = df["category"].shift(-1).where(same_next, NOT_IN_CARE)
    df["state"] = df["age_band"] + " - " + df["category"]
    df["next_state"] = df["age_band"] + " - " + df["after"]
    return df


def stock(df: pd.DataFrame) -> pd.DataFrame:
    starts = df.groupby(["DECOM", "state"]).size().rename_axis(["date", "state"])
    ends = df.dropna(subset=["DEC"]).groupby(["DEC", "state"]).size().rename_axis(["date", "state"])
    net = starts.sub(ends, fill_value=0).unstack("state", fill_value=0).sort_index()
    return net.asfreq("D", fill_value=0).cumsum()


def transitions(df: pd.DataFrame) -> pd.DataFrame:
    t = df.dropna(subset=["DEC"]).groupby(["DEC", "state", "next_state"]).size()
    return t.unstack(["state", "next_state"], fill_value=0).asfreq("D", fill_value=0)


def rates(pop: pd.DataFrame, trans: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Series, int]:
    s = pop.truncate(before=start, after=end)
    t = trans.truncate(before=start, after=end).reindex(s.index, fill_value=0)
    prev = s.shift(1).bfill()
    daily = pd.DataFrame({(a, b): t[(a, b)] / prev[a] for a, b in t.columns}, index=s.index)
    out = daily.replace([np.inf, -np.inf], np.nan).fillna(0).mean(axis=0) if len(daily.columns) else pd.Series(
        dtype=float)
    bad = int(np.isinf(daily.values).sum()) if len(daily.columns) else 0
    out.index = pd.MultiIndex.from_tuples(list(out.index), names=["from", "to"])
    return out, bad


def entrants(df: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    new = df[(df["DECOM"] >= start) & (df["DECOM"] <= end) & (df["before"] == NOT_IN_CARE)]
    n = new.groupby("state").size() / (end - start).days
    n.index = pd.MultiIndex.from_tuples([(EXTERNAL, s) for s in n.index], names=["from", "to"])
    return n.astype(float)


def month_ends(start: pd.Timestamp, months: int) -> list[pd.Timestamp]:
    return [pd.Timestamp((start + relativedelta(months=i)).date()) + pd.offsets.MonthEnd(0)
            for i in range(1, months + 1)]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder")
    p.add_argument("--start", required=True, help="reference window start")
    p.add_argument("--end", required=True, help="reference window end = forecast start")
    p.add_argument("--horizon-months", type=int, default=12)
    p.add_argument("--model", choices=["multinomial", "stock_and_flow"], default="multinomial")
    p.add_argument("--keep-short-breaks", action="store_true")
    p.add_argument("--no-censor", action="store_true")
    a = p.parse_args()
    start, end = pd.Timestamp(a.start), pd.Timestamp(a.end)

    raw, warnings = read(a.folder, a.keep_short_breaks, None if a.no_censor else end)
    df = enrich(clean(raw))
    pop = stock(df)
    if end > pop.index.max():  # no event after the last one: the stock stands
        pop = pop.reindex(pd.date_range(pop.index.min(), end, freq="D"), method="ffill")
    at_end = pop.iloc[pop.index.get_indexer([end], method="nearest")[0]]
    at_end = at_end[at_end != 0]
    tr, bad = rates(pop, transitions(df), start, end)
    if bad:
        warnings.append(f"{bad} daily rates were infinite (transitions from a state whose stock was 0) and set to 0")
    ent = entrants(df, start, end)

    # adaptation d: a 0 self-transition for every state with no observed transition
    known = set(tr.index.get_level_values("from"))
    extra = [s for s in set(at_end.index) | set(ent.index.get_level_values("to")) if s not in known]
    if extra:
        tr = pd.concat([tr, pd.Series(0.0, index=pd.MultiIndex.from_tuples([(s, s) for s in extra],
                                                                             names=["from", "to"]))])
    days = (month_ends(end, a.horizon_months)[-1] - end).days
    if a.model == "multinomial":
        result = MultinomialPredictor(population=at_end.astype(float), transition_rates=tr,
                                      transition_numbers=ent, start_date=end.date()).predict(days)
        population, variance = result.population, result.variance
    else:
        population = StockAndFlowPredictor(population=at_end.astype(float), transition_rates=tr,
                                           transition_numbers=ent, start_date=end.date(),
                                           external_bin_identifier=EXTERNAL).predict(days)
        variance = None
    population.index = pd.to_datetime(population.index)
    in_care = [c for c in population.columns if not str(c).endswith(NOT_IN_CARE) and c != EXTERNAL]
    dates = month_ends(end, a.horizon_months)
    rows = population.loc[dates, in_care]
    sd = None
    if variance is not None:
        variance.index = pd.to_datetime(variance.index)
        sd = [float(np.sqrt(v)) for v in variance.loc[dates, in_care].sum(axis=1)]
    from importlib.metadata import version
    print(json.dumps({
        "peer": "demand-model", "version": version("demand-model"), "pandas": pd.__version__, "model": a.model,
        "seconds": time.perf_counter() - T1, "import_s": T1 - T0, "start": str(start.date()),
        "end": str(end.date()), "dates": [str(d.date()) for d in dates],
        "total": [float(x) for x in rows.sum(axis=1)], "sd": sd,
        "by_state": {str(c): [round(float(x), 3) for x in rows[c]] for c in sorted(in_care)},
        "stock_at_end": float(at_end.sum()), "states": sorted(map(str, at_end.index)),
        "rates": len(tr), "entrants_per_day": float(ent.sum()), "episodes": int(len(df)), "warnings": warnings}))


if __name__ == "__main__":
    main()
