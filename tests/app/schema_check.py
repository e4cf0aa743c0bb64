#!/usr/bin/env python3
"""JSON Schemas of docs/schema kept in step with the loader: every field list the
parsers accept (allowOnly in kiosk/core/parse_*.cpp) is an object of a schema and back,
and the bundled feed plus the given feed folders validate (python3-jsonschema).
usage: schema_check.py SOURCE_DIR [FEED_DIR...]"""
import glob, json, os, re, sys
import jsonschema

src = sys.argv[1]
feeds = [os.path.join(src, "content")] + sys.argv[2:]
schemas = {}
for path in glob.glob(os.path.join(src, "docs/schema/*.schema.json")):
    with open(path, encoding="utf-8") as f:
        s = json.load(f)
    jsonschema.Draft202012Validator.check_schema(s)
    schemas[os.path.basename(path).replace(".schema.json", ".json")] = s
failures = 0
def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    failures += 0 if ok else 1

def object_sets(node, out):
    if isinstance(node, dict):
        if "properties" in node:
            out.add(frozenset(node["properties"]))
        for k, v in node.items():
            if k != "if":  # a condition ("online": true) names fields, it is not an object of its own
                object_sets(v, out)
    elif isinstance(node, list):
        for v in node:
            object_sets(v, out)
schema_sets = set()
for s in schemas.values():
    object_sets(s, schema_sets)
loader_sets = set()
for path in glob.glob(os.path.join(src, "kiosk/core/parse_*.cpp")):
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r"allowOnly\(\{([^}]*)\}\)", text):
        loader_sets.add(frozenset(re.findall(r'"([a-z_]+)"', m.group(1))))
for fields in sorted(loader_sets, key=sorted):
    check(fields in schema_sets, "the loader's fields %s are an object of a schema" % sorted(fields))
for fields in sorted(schema_sets - loader_sets, key=sorted):
    # objects the loader reads field by field without an allowOnly list
    known = [{"path", "size", "sha256"}]
    check(set(fields) in known, "schema object %s matches the loader" % sorted(fields))

for feed in feeds:
    for name, schema in sorted(schemas.items()):
        path = os.path.join(feed, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
        for e in errors[:5]:
            print("     | %s: %s: %s" % (name, "/".join(map(str, e.absolute_path)), e.message))
        check(not errors, "%s/%s follows its schema" % (os.path.basename(feed), name))

# the schemas refuse what the loader refuses
bad = {"sessions": [{"id": "x", "title": "T", "type": "talk", "start": "14h30", "end": "2027-10-20T15:00:00+02:00", "place": "p"}]}
check(not jsonschema.Draft202012Validator(schemas["sessions.json"]).is_valid(bad), "a start without offset is refused")
bad = {"places": [{"id": "p", "name": "P", "commune": "C", "coordinates": {"lat": 1, "lon": 2}, "access": ["plain-pied"]}]}
check(not jsonschema.Draft202012Validator(schemas["places.json"]).is_valid(bad), "an unknown access value is refused")
print("%d failed" % failures)
sys.exit(1 if failures else 0)
