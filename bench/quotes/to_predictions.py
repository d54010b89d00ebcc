#!/usr/bin/env python3
"""Convert `newsmon extract --jsonl` output over PolNeAR-style .txt files into eval_quotes.py predictions.

Usage: to_predictions.py NEWSMON.jsonl PRED.jsonl
Each input line has "source" (the .txt path; its file name less ".txt" is the document id) and
"statements"; each statement becomes {"content_span", "speaker" (the mention), "speaker_resolved",
"cue"}. Lines with an "error" become documents without quotes.
"""
import json
import os
import sys


def main(src, dst):
    with open(src, encoding="utf-8") as inp, open(dst, "w", encoding="utf-8") as out:
        for line in inp:
            if not line.strip():
                continue
            doc = json.loads(line)
            doc_id = os.path.basename(doc["source"])
            if doc_id.endswith(".txt"):
                doc_id = doc_id[:-4]
            quotes = []
            for s in doc.get("statements") or []:
                speaker = s.get("speaker") or {}
                quotes.append({
                    "content_span": [s["start"], s["end"]],
                    "speaker": speaker.get("mention") or "",
                    "speaker_resolved": speaker.get("name") or "",
                    "cue": s.get("cue") or "",
                    "kind": s.get("kind"),
                    "confidence": s.get("confidence"),
                    "pattern": s.get("pattern"),
                })
            out.write(json.dumps({"id": doc_id, "quotes": quotes}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
