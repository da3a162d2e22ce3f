"""The timeline: models and milestones by year and month, with the eras the documents describe."""


def _month(date):
    return date[5:7] if len(date) >= 7 else None


def timeline(catalog, models, include_concepts=True, start="0000", end="9999~"):
    """Events between start and end (dates as text, end inclusive), sorted and grouped
    {year: {month or None: [event]}}, and the eras that overlap them."""
    events = []
    for rec in models:
        released = rec.get("released")
        if released and released.get("value"):
            events.append({"date": released["value"], "id": rec["id"], "type": "model", "name": rec["name"],
                           "name_zh": rec.get("name_zh"), "event": released.get("event"), "kind": rec["kind"],
                           "organizations": [catalog.name_of(o) for o in rec["organizations"]],
                           "parameters": (rec.get("parameters") or {}).get("value")})
    eras = []
    if include_concepts:
        for rec in catalog.of_type("concept"):
            if rec.get("date") and rec["date"].get("value") and rec["kind"] != "era":
                events.append({"date": rec["date"]["value"], "id": rec["id"], "type": "concept", "name": rec["name"],
                               "name_zh": rec.get("name_zh"), "event": rec["date"].get("event"), "kind": rec["kind"],
                               "organizations": [], "parameters": None})
            if rec["kind"] == "era" and rec.get("period") and rec["period"].get("from"):
                eras.append({"id": rec["id"], "name": rec["name"], "name_zh": rec.get("name_zh"),
                             "from": rec["period"]["from"], "to": rec["period"].get("to"),
                             "description": rec.get("description")})
    events = [e for e in events if start <= e["date"] <= end]
    events.sort(key=lambda e: (e["date"], e["type"] != "concept", e["name"].casefold()))
    eras.sort(key=lambda e: e["from"])
    if events:
        first, last = events[0]["date"], events[-1]["date"]
        eras = [e for e in eras if e["from"] <= last + "~" and (e["to"] or "9999") + "~" >= first]
    else:
        eras = []
    grouped = {}
    for event in events:
        grouped.setdefault(event["date"][:4], {}).setdefault(_month(event["date"]), []).append(event)
    return events, grouped, eras
