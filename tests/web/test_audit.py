"""Every child-level view and every export leaves an audit row; only admins read the log."""

from __future__ import annotations

from django.urls import reverse

from casewatch.web.models import AuditEvent


def test_chronology_and_export_are_audited(world, as_role):
    client = as_role("head_of_service")
    before = AuditEvent.objects.count()
    response = client.get(reverse("child", args=[world.child]))
    assert response.status_code == 200
    assert response.context["events"], "a chronology with events"
    kinds = {e["kind"] for e in response.context["events"]}
    assert "Allocated" in kinds
    client.get(reverse("lists_csv"))
    new = list(AuditEvent.objects.order_by("id")[before:])
    assert [(e.action, e.username) for e in new] == [("view_child", "u_head_of_service"),
                                                    ("export_list", "u_head_of_service")]
    assert new[0].child_id == world.child

    page = as_role("admin").get(reverse("audit"))
    assert page.status_code == 200
    assert world.child in page.content.decode()
    for role in ("analyst", "head_of_service", "team_manager", "social_worker", "member"):
        assert as_role(role).get(reverse("audit")).status_code == 403


def test_refused_child_is_audited(world, as_role):
    as_role("team_manager").get(reverse("child", args=[world.other_child]))
    last = AuditEvent.objects.first()
    assert (last.action, last.child_id) == ("denied_child", world.other_child)


def test_child_ids_are_redacted_from_log_lines():
    from casewatch.web.logfilter import redact

    line = redact('"GET /children/X01C0000001/ HTTP/1.1" 403 and /lists/export.csv?worker=SW1&team=T')
    assert "X01C0000001" not in line and "SW1" not in line
