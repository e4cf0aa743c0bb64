#!/usr/bin/env python3
"""Parses the kiosk's textfile with Prometheus' own text-format parser (python3-prometheus-client)
and checks the metrics the office's alerts use. usage: parse_metrics.py FILE"""
import sys

from prometheus_client.parser import text_string_to_metric_families

text = open(sys.argv[1]).read()
samples = {}
for family in text_string_to_metric_families(text):
    for s in family.samples:
        samples[(s.name, tuple(sorted((k, v) for k, v in s.labels.items() if k != "kiosk")))] = s.value
        assert s.labels.get("kiosk"), f"{s.name} has no kiosk label"

def value(name, **labels):
    key = (name, tuple(sorted(labels.items())))
    assert key in samples, f"missing {name} {labels}; have {sorted(samples)}"
    return samples[key]

assert value("kiosk_content_version") == 5
assert value("kiosk_cache_content_version") == 5
assert value("kiosk_content_age_seconds") > 10000
assert value("kiosk_sync_failures_in_a_row") == 1
assert value("kiosk_sync_last_failure_timestamp_seconds") == 1800000000
assert value("kiosk_signature_state", state="unsigned") == 1
assert value("kiosk_clock_warning") == 1  # the probe's trusted time is 315 days ahead
assert value("kiosk_trusted_time_ahead_seconds") > 300 * 86400
# prometheus_client strips the _total suffix of the family, not of the sample.
assert value("kiosk_frames_drawn_total") == 3
assert value("kiosk_resident_memory_bytes") > 1 << 20
assert value("kiosk_uptime_seconds") >= 0
assert value("kiosk_presented_frame", hash="000000001234abcd") == 1
assert value("kiosk_picture_unchanged_seconds") >= 0
assert value("kiosk_screen_state", state="ok") == 1
assert value("kiosk_screen_state", state="frozen") == 0
assert value("kiosk_crash_guard_state", state="ok") == 1
assert value("kiosk_crash_guard_state", state="set_aside") == 0
assert value("kiosk_crash_guard_versions_set_aside") == 0
print(f"{len(samples)} samples parsed")
