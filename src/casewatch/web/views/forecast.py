"""The demand forecast (casewatch.forecast): children in care two years ahead, spend, and how well the model
would have done before. Aggregates only; computed once per data file."""

from __future__ import annotations

from django.shortcuts import render

from casewatch.web.figures import inline_chart
from casewatch.web.source import current


def forecast(request):
    from casewatch.forecast.run import ForecastError
    from casewatch.forecast.run import forecast as run
    from casewatch.outputs.forecast_charts import fan, spend

    src = current()

    def compute():
        with src.connect() as (con, ctx):
            try:
                result = run(con, ctx.data_to, 24, 6, runs=500)
            except ForecastError as exc:
                return ctx, {"error": str(exc)}, None, None
        history = [(h["date"], h["in_care"]) for h in result["history"]]
        return (ctx, result, inline_chart(*fan(history, result["total"], "Children in care: recorded and forecast",
                                               band_label=result["words"]["band_label"])),
                inline_chart(*spend(result["cost"], "Placement spend a month, forecast")))

    ctx, result, fan_chart, spend_chart = src.memo(("forecast",), compute)
    quarters = list(zip(result.get("total", []), result.get("cost", []), strict=True))[2::3]
    return render(request, "casewatch/forecast.html", {"ctx": ctx, "r": result, "quarters": quarters,
                                                       "charts": [c for c in (fan_chart, spend_chart) if c]})
