"""Peer implementation of `stadsstem journeys summary` with pm4py 2.7.

Used twice: to compute the literal expected values in the tests (run by hand once) and as the
benchmark peer. Prints one JSON object with the same keys as the CLI, plus timing and peak memory
on stderr. Usage: pm4py_summary.py FILE [--case COL --activity COL --timestamp COL --sep ;]
"""

import argparse
import json
import resource
import statistics
import sys
import time

import pandas as pd
import pm4py

parser = argparse.ArgumentParser()
parser.add_argument('file')
parser.add_argument('--case', default='case:concept:name')
parser.add_argument('--activity', default='concept:name')
parser.add_argument('--timestamp', default='time:timestamp')
parser.add_argument('--sep', default=',')
args = parser.parse_args()

started = time.perf_counter()
if args.file.endswith('.xes') or args.file.endswith('.xes.gz'):
    df = pm4py.read_xes(args.file)
    case, activity, ts = 'case:concept:name', 'concept:name', 'time:timestamp'
else:
    # keep_default_na=False: pandas would otherwise read the sepsis case id "NA" as missing.
    df = pd.read_csv(
        args.file, sep=args.sep, dtype={args.case: str}, keep_default_na=False, na_values=['']
    )
    # Our summary measures time:timestamp only; pm4py would switch to interval mode otherwise.
    df = df.drop(columns=['start_timestamp'], errors='ignore')
    case, activity, ts = args.case, args.activity, args.timestamp
    # Mixed UTC offsets in one column (road traffic log) need utc=True; naive stays naive.
    parsed = pd.to_datetime(df[ts], utc=True, format='mixed')
    df[ts] = parsed
rows = len(df)
# format_dataframe drops rows without case/activity/time and sorts by case, time, file order.
df = pm4py.format_dataframe(df, case_id=case, activity_key=activity, timestamp_key=ts)

variants = pm4py.get_variants(df)
dfg, starts, ends = pm4py.discover_dfg(df)
durations = pm4py.get_all_case_durations(df)
rework = pm4py.get_rework_cases_per_activity(df)
result = {
    'events': int(len(df)),
    'cases': int(df['case:concept:name'].nunique()),
    'activities': int(df['concept:name'].nunique()),
    'droppedRows': int(rows - len(df)),
    'variants': len(variants),
    'startActivities': {str(k): int(v) for k, v in sorted(starts.items())},
    'endActivities': {str(k): int(v) for k, v in sorted(ends.items())},
    'directlyFollows': [
        {'from': str(a), 'to': str(b), 'count': int(c)} for (a, b), c in sorted(dfg.items())
    ],
    'caseDuration': {
        'min': float(min(durations)),
        'median': float(statistics.median(durations)),
        'mean': float(statistics.fmean(durations)),
        'max': float(max(durations)),
    },
    'rework': {str(k): int(v) for k, v in sorted(rework.items())},
}
elapsed = time.perf_counter() - started
json.dump(result, sys.stdout)
sys.stdout.write('\n')
usage = resource.getrusage(resource.RUSAGE_SELF)
sys.stderr.write(
    f'PEER seconds={elapsed:.3f} maxrss_kb={usage.ru_maxrss} '
    f'cpu_s={usage.ru_utime + usage.ru_stime:.3f}\n'
)
