"""Validate the devset: files, JSON, sentences, types, dates; print counts per type."""
import collections, json, os, re, sys

SET = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
TYPES = {"alliance_formed", "alliance_membership", "alliance_strengthened", "alliance_ended",
         "military_cooperation", "basing_granted", "basing_deployed", "basing_ended", "strike",
         "meeting_visit", "statement_support", "statement_criticism", "other"}
FIELDS = ["file", "sentence", "type", "source_actor", "target_actor", "location", "date", "date_precision",
          "polarity", "modality", "attributed_to", "note"]
EXTRA = {"optional", "background", "alt_types", "participants"}
ORGS = {"NATO", "EU", "UN", "AU", "ASEAN", "CSTO", "SCO", "GCC", "ARABLEAGUE", "AUKUS", "QUAD", "ECOWAS",
        "WAGNER", "ISIL", "ALQAEDA", "HEZBOLLAH", "HOUTHIS", "HAMAS", "TALIBAN", "PKK", "YPG", "SDF",
        "ALSHABAAB", "BOKOHARAM", "PMF", "HTS", "SADC", "JEM"}
DATE_PART = r"\d{4}(-\d{2}(-\d{2})?|-(spring|summer|autumn|winter))?"
errors = []


def err(msg):
    errors.append(msg)


def prec_of(date):
    first = date.split("/")[0]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", first): return "day"
    if re.fullmatch(r"\d{4}-\d{2}", first): return "month"
    if re.fullmatch(r"\d{4}-(spring|summer|autumn|winter)", first): return "season"
    return "year"


index = []
for n, line in enumerate(open(os.path.join(SET, "index.jsonl"), encoding="utf-8"), 1):
    try:
        index.append(json.loads(line))
    except json.JSONDecodeError as e:
        err(f"index.jsonl:{n}: {e}")
files = {}
for a in index:
    p = os.path.join(SET, a["file"])
    if not os.path.isfile(p):
        err(f"index: missing file {a['file']}")
        continue
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.get("published") or ""):
        err(f"index: bad published for {a['file']}")
    for k in ("title", "topic"):
        if not a.get(k):
            err(f"index: {a['file']} lacks {k}")
    raw = open(p, encoding="utf-8").read()
    clean = raw
    if a.get("boilerplate_starts_with"):
        cut = raw.find("\n\n" + a["boilerplate_starts_with"] + "\n")
        if cut < 0:
            err(f"{a['file']}: boilerplate marker not found")
        else:
            clean = raw[:cut]
            if not clean.rstrip().endswith(a["clean_text_ends_with"]):
                err(f"{a['file']}: clean_text_ends_with mismatch")
    files[a["file"]] = (a, raw, clean)
if len(index) != len({a["file"] for a in index}):
    err("index: duplicate files")

gold = []
for n, line in enumerate(open(os.path.join(SET, "gold.jsonl"), encoding="utf-8"), 1):
    try:
        g = json.loads(line)
    except json.JSONDecodeError as e:
        err(f"gold.jsonl:{n}: {e}")
        continue
    gold.append(g)
    where = f"gold.jsonl:{n}"
    if list(g.keys())[:len(FIELDS)] != FIELDS:
        err(f"{where}: fields/order {list(g.keys())}")
    if set(g) - set(FIELDS) - EXTRA:
        err(f"{where}: unknown fields {set(g) - set(FIELDS) - EXTRA}")
    if g["file"] not in files:
        err(f"{where}: file {g['file']} not in index")
        continue
    a, raw, clean = files[g["file"]]
    if g["sentence"] not in raw:
        err(f"{where}: sentence not an exact substring of {g['file']}")
    elif g["sentence"] not in clean:
        err(f"{where}: sentence lies in trailing boilerplate")
    if g["sentence"].count('"') % 2:
        err(f"{where}: unbalanced quotes in sentence")
    if "\n" in g["sentence"]:
        err(f"{where}: sentence spans lines")
    if a["topic"] == "junk":
        err(f"{where}: event in junk article {g['file']}")
    if g["type"] not in TYPES:
        err(f"{where}: bad type {g['type']}")
    for t in g.get("alt_types") or []:
        if t not in TYPES:
            err(f"{where}: bad alt type {t}")
    for k in ("source_actor", "target_actor"):
        v = g[k]
        if not (v in ORGS or re.fullmatch(r"[A-Z]{3}", v or "")):
            err(f"{where}: bad {k} {v}")
    if g["location"] is not None and not re.fullmatch(r"[A-Z]{3}", g["location"]):
        err(f"{where}: bad location {g['location']}")
    if g["type"].startswith("basing_") and g["location"] != g["target_actor"]:
        err(f"{where}: basing location should be the host")
    if g["attributed_to"] is not None and not (g["attributed_to"] in ORGS or re.fullmatch(r"[A-Z]{3}", g["attributed_to"])):
        err(f"{where}: bad attributed_to")
    d = g["date"]
    if d is None:
        if g["date_precision"] != "unknown":
            err(f"{where}: null date needs precision unknown")
    else:
        if not re.fullmatch(DATE_PART + "(/" + DATE_PART + ")?", d):
            err(f"{where}: bad date {d}")
        elif g["date_precision"] != prec_of(d):
            err(f"{where}: precision {g['date_precision']} vs {d}")
        elif d.split("/")[-1][:10] > a["published"] and g["modality"] == "actual" and not g.get("background"):
            err(f"{where}: actual event dated after publication {d}")
    if g["polarity"] not in ("asserted", "negated"):
        err(f"{where}: bad polarity")
    if g["modality"] not in ("actual", "possible", "planned"):
        err(f"{where}: bad modality")
    if g.get("participants") and not {g["source_actor"], g["target_actor"]} <= set(g["participants"]) | ORGS:
        err(f"{where}: participants should include source and target")

junk = [a["file"] for a in index if a["topic"] == "junk"]
tails = [a["file"] for a in index if a.get("boilerplate_starts_with")]
print("\n".join(errors) or "validation OK")
print(f"{len(index)} articles ({len(junk)} junk, {len(tails)} with trailing site junk), {len(gold)} gold lines")


def is_opt(g):
    return bool(g.get("optional")) or bool(g.get("background")) or g["type"] == "other"


c = collections.OrderedDict((t, collections.Counter()) for t in sorted(TYPES - {"other"}) + ["other"])
for g in gold:
    k = "background" if g.get("background") else "optional" if g.get("optional") else "required"
    if g["type"] == "other":
        k = "other"
    c[g["type"]]["all"] += 1
    c[g["type"]][k] += 1
print(f"{'type':22s} {'all':>4s} {'req':>4s} {'opt':>4s} {'bg':>4s}")
for t, v in c.items():
    print(f"{t:22s} {v['all']:4d} {v['required']:4d} {v['optional']:4d} {v['background']:4d}")
tot = collections.Counter()
for v in c.values():
    tot.update(v)
print(f"{'total':22s} {tot['all']:4d} {tot['required']:4d} {tot['optional']:4d} {tot['background']:4d}")
neg = sum(1 for g in gold if g["polarity"] == "negated")
mods = collections.Counter(g["modality"] for g in gold)
att = sum(1 for g in gold if g["attributed_to"])
print(f"negated {neg} (required {sum(1 for g in gold if g['polarity']=='negated' and not is_opt(g))}); "
      f"modality {dict(mods)}; attributed {att}; participants {sum(1 for g in gold if g.get('participants'))}; "
      f"alt_types {sum(1 for g in gold if g.get('alt_types'))}")
sys.exit(1 if errors else 0)
