"""Care leavers: in touch, in education, employment or training, and suitably housed (903 OC3)."""

from casewatch.measures.define import indicator

S903 = "DfE, SSDA903 guidance, care leavers (OC3: IN_TOUCH, ACTIV, ACCOM at the 17th to 21st birthday)"
CLA_STATS = "DfE Children looked after in England, care leavers"
TESTS = {
    "in_touch": ("in touch with the council", "c.in_touch = 'YES'", "higher"),
    "eet": ("in education, employment or training", "left(c.activity, 1) IN ('F', 'P')", "higher"),
    "suitable_accom": ("in suitable accommodation", "right(c.accommodation, 1) = '1'", "higher"),
}
AGES = {"17_18": (17, 18), "19_21": (19, 21)}

for key, (name, test, polarity) in TESTS.items():
    for ages, (lo, hi) in AGES.items():
        indicator(
            id=f"care_leavers_{key}_{ages}_pct", title=f"Care leavers aged {lo}-{hi} {name}", area="Care leavers",
            unit="percent", polarity=polarity, period="year", funnel=True,
            description=f"Care leavers with a birthday in the year at age {lo} to {hi}, {name} around that "
                        "birthday (IN_TOUCH YES; 'no longer requires services' and 'returned home' are not in "
                        "touch, as the DfE tabulates them).",
            source=S903 + "; " + CLA_STATS,
            numerator=f"those {name}",
            denominator=f"care leavers with a birthday aged {lo}-{hi} in the year (those who died excluded)",
            units=f"""SELECT p.pe, c.child_id, c.birthday AS dated, 1 AS den, coalesce({test}, false)::INT AS num
                FROM periods p JOIN care_leavers c ON c.birthday BETWEEN p.ps AND p.pe
                WHERE c.age BETWEEN {lo} AND {hi} AND c.in_touch <> 'DIED'""",
        )
