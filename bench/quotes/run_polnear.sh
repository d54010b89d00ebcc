#!/usr/bin/env bash
# Statement extraction on PolNeAR, scored by the data set's own scorer.
#   bench/quotes/run_polnear.sh ../shared/devsets/quotes [dev|train]
# Writes each article's text to a .txt file, runs `newsmon extract --jsonl` over the folder,
# converts the output to the scorer's prediction format and prints the scorer's report.
set -euo pipefail
data=${1:?usage: run_polnear.sh DEVSET_FOLDER [dev|train]}
split=${2:-dev}
gold="$data/polnear_${split}_speech.jsonl"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${WORK:-$(mktemp -d)}
mkdir -p "$work/texts"

python3 - "$gold" "$work/texts" <<'PY'
import json, sys, os
gold, folder = sys.argv[1], sys.argv[2]
for line in open(gold, encoding="utf-8"):
    d = json.loads(line)
    with open(os.path.join(folder, d["id"] + ".txt"), "w", encoding="utf-8", newline="") as f:
        f.write(d["text"])
PY

dotnet build -c Release "$root/src/NewsMonitor.Cli" -v q -nologo >/dev/null
start=$(date +%s.%N)
dotnet "$root/src/NewsMonitor.Cli/bin/Release/net10.0/newsmon.dll" extract "$work/texts" --jsonl > "$work/newsmon.jsonl" || true
end=$(date +%s.%N)
python3 "$here/to_predictions.py" "$work/newsmon.jsonl" "$work/pred.jsonl"
echo "split: $split; articles: $(wc -l < "$work/newsmon.jsonl"); newsmon extract took $(echo "$end - $start" | bc) s (process start included)"
python3 "$data/eval_quotes.py" "$gold" "$work/pred.jsonl" --json "$work/score.json"
echo "work folder: $work"
