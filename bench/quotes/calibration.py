#!/usr/bin/env python3
"""Does confidence mean something? Share of predicted statements that are right, by confidence band.

Usage: calibration.py GOLD.jsonl PRED.jsonl [EVAL_QUOTES_DIR]
"Right" = the content matches a gold statement (ggt@0.3) and, for "attributed", the speaker too.
A useful confidence has the share rising with the band.
"""
import os
import sys
from collections import defaultdict


def main(gold_path, pred_path, scorer_dir):
    sys.path.insert(0, scorer_dir)
    import eval_quotes as ev  # noqa: E402  (the data set's own scorer, for identical matching)
    gold, pred = ev.load_jsonl(gold_path), ev.load_jsonl(pred_path)
    bands = defaultdict(lambda: [0, 0, 0])  # predicted, content right, attributed right
    patterns = defaultdict(lambda: [0, 0, 0])
    for doc_id, gd in gold.items():
        text = gd["text"]
        g = [dict(q, _span=ev.trim_span(text, q["content_span"])) for q in gd["quotes"]]
        p = [dict(q, _span=ev.trim_span(text, q["content_span"])) for q in pred.get(doc_id, {}).get("quotes", [])]
        matched = {pi: gi for gi, pi in ev.match_doc("ggt@0.3", g, p)}
        for pi, q in enumerate(p):
            conf = q.get("confidence") or 0.0
            band = min(int(conf * 10), 9) / 10
            pattern = q.get("pattern") or "?"
            for table, key in ((bands, band), (patterns, pattern)):
                table[key][0] += 1
                if pi in matched:
                    table[key][1] += 1
                    if ev.name_match(g[matched[pi]].get("speaker") or "", q.get("speaker") or q.get("speaker_resolved") or ""):
                        table[key][2] += 1
    print("pattern                          statements   content right   attributed right")
    for pattern in sorted(patterns, key=lambda k: -patterns[k][0]):
        n, c, a = patterns[pattern]
        print(f"{pattern:32} {n:10d}   {100 * c / n:12.1f}%   {100 * a / n:14.1f}%")
    print("confidence   statements   content right   attributed right")
    for band in sorted(bands):
        n, c, a = bands[band]
        print(f"{band:.1f}-{band + 0.1:.1f}   {n:10d}   {100 * c / n:12.1f}%   {100 * a / n:14.1f}%")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else os.path.dirname(os.path.abspath(sys.argv[1])))
