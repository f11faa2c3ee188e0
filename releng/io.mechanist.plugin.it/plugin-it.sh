#!/usr/bin/env bash
# The outsider's plug-in path on the built product (docs/plugins.md), as CI's proof:
#   1. copy the product (its plugins hard-linked), as an "installed product";
#   2. mechanist new-plugin, from that copy (Mechanist's API from the copy's sdk folder);
#   3. build the generated project with its own ./mvnw, offline, from this build's local repository (its tests run);
#   4. mechanist plugins install the jar; mechanist analyses lists it;
#   5. capture the demo model on 24 held-out prompts and run the analysis headless; numpy recomputes the numbers
#      from the store's safetensors shards;
#   6. a plug-in whose class does not load, dropped in by hand: reported by name, the other still runs;
#   7. mechanist plugins remove: the analyses are gone.
# Usage: bash releng/io.mechanist.plugin.it/plugin-it.sh WORKDIR (after ./mechanist build). Prints each step's time.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${1:?usage: plugin-it.sh WORKDIR}"
BUILT="$ROOT/releng/io.mechanist.product/target/products/io.mechanist.product/linux/gtk/x86_64/mechanist"
PYTHON="$(command -v python3)"
ID=org.example.rms
ANALYSIS=$ID.rmsByPosition
SITE=blocks.1.resid_post

fail() { echo "plugin-it: FAILED: $*" >&2; exit 1; }
step_start=0
step() { # prints the previous step's time and starts timing the next
  local now; now=$(date +%s.%N)
  if [ "$step_start" != 0 ]; then awk -v a="$step_start" -v b="$now" -v s="$step_name" 'BEGIN { printf "plugin-it: %-55s %6.1f s\n", s, b - a }'; fi
  step_name="$1"; step_start=$now
}
total_start=$(date +%s.%N)

ls "$BUILT"/plugins/org.eclipse.equinox.launcher_*.jar >/dev/null 2>&1 || fail "no built product at $BUILT (run ./mechanist build first)"
rm -rf "$WORK"
mkdir -p "$WORK"
PRODUCT="$WORK/mechanist"

step "copy the product (plugins hard-linked)"
mkdir -p "$PRODUCT"
for entry in "$BUILT"/* "$BUILT"/.[!.]*; do
  [ -e "$entry" ] || continue
  if [ "$(basename "$entry")" = plugins ]; then
    cp -al "$entry" "$PRODUCT/plugins" 2>/dev/null || cp -a "$entry" "$PRODUCT/plugins"
  else
    cp -a "$entry" "$PRODUCT/"
  fi
done
[ -f "$PRODUCT/sdk/content.jar" ] || [ -f "$PRODUCT/sdk/content.xml" ] || fail "the product has no plug-in SDK repository in sdk/"
mechanist() { MECHANIST_PRODUCT="$PRODUCT" MECHANIST_JAVA_OPTIONS=-Xmx2g "$ROOT/mechanist" "$@"; }

step "mechanist new-plugin"
mechanist new-plugin "$WORK/project" --id $ID > "$WORK/new-plugin.log" 2>&1 || { cat "$WORK/new-plugin.log"; fail "new-plugin"; }

step "./mvnw -o verify in the generated project (with its test)"
REPO_ARGS=()
[ -n "${MECHANIST_IT_REPO_LOCAL-}" ] && REPO_ARGS=("-Dmaven.repo.local=$MECHANIST_IT_REPO_LOCAL")
(cd "$WORK/project" && ./mvnw -o -B "${REPO_ARGS[@]}" verify) > "$WORK/project-build.log" 2>&1 \
  || { tail -60 "$WORK/project-build.log"; fail "the generated project does not build"; }
grep -q "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" "$WORK/project-build.log" || { tail -40 "$WORK/project-build.log"; fail "the generated project's test did not run"; }
JAR="$WORK/project/$ID/target/$ID-0.1.0-SNAPSHOT.jar"
[ -f "$JAR" ] || fail "no $JAR"

step "mechanist plugins install; analyses lists it"
mechanist plugins install "$JAR" > "$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "plugins install"; }
grep -q "^$ID 0.1.0.* active" "$WORK/install.log" || { cat "$WORK/install.log"; fail "install did not report the plug-in active"; }
mechanist analyses > "$WORK/analyses.log" 2> "$WORK/analyses.err" || { cat "$WORK/analyses.err"; fail "analyses"; }
grep -q "^$ANALYSIS " "$WORK/analyses.log" || fail "analyses does not list $ANALYSIS"
grep -q "from bundle $ID$" "$WORK/analyses.log" || fail "analyses does not name bundle $ID"

step "capture the demo model (24 prompts, $SITE)"
DEMO="$(ls -d "$PRODUCT"/plugins/io.mechanist.demo_* | head -n 1)"
head -n 24 "$DEMO/data/test.jsonl" > "$WORK/prompts.jsonl"
mechanist capture --store "$WORK/store" --model "$DEMO/models/mechanist-demo-gpt2" --dataset "$WORK/prompts.jsonl" \
  --sites "$SITE" --id demo > "$WORK/capture.log" 2>&1 || { cat "$WORK/capture.log"; fail "capture"; }

step "run the plug-in headless; numpy recomputes it"
mechanist run $ANALYSIS --store "$WORK/store" --capture demo --param site=$SITE --json > "$WORK/run.json" 2> "$WORK/run.err" \
  || { cat "$WORK/run.err"; fail "run $ANALYSIS"; }
"$PYTHON" - "$WORK/store" "$WORK/run.json" "$SITE" <<'PY' || fail "the plug-in's numbers differ from numpy's"
import glob, json, struct, sys
import numpy as np
store, run_json, site = sys.argv[1], sys.argv[2], sys.argv[3]
def tensors(path):
    data = open(path, "rb").read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        a, b = t["data_offsets"]
        dtype = {"F32": "<f4", "F16": "<f2", "I32": "<i4", "I64": "<i8"}[t["dtype"]]
        out[name] = np.frombuffer(data[8 + n + a:8 + n + b], dtype=dtype).reshape(t["shape"])
    return out
sums, counts = {}, {}
prompts = 0
for shard in sorted(glob.glob(store + "/captures/demo/shard-*.safetensors")):
    t = tensors(shard)
    rows = t[site].astype(np.float64)
    rms = np.sqrt((rows ** 2).mean(axis=1))
    for pos, value in zip(t["row_position"], rms):
        sums[int(pos)] = sums.get(int(pos), 0.0) + value
        counts[int(pos)] = counts.get(int(pos), 0) + 1
    prompts += len(t["prompt_index"])
assert prompts == 24, prompts
result = json.load(open(run_json))
tables = {t["name"]: t for t in result["tables"]}
assert "rmsByPosition" in tables, "no rmsByPosition table in " + run_json
columns = tables["rmsByPosition"]["columns"]
position, n, mean = columns["position"], columns["prompts"], columns["meanRms"]
assert len(position) == max(counts) + 1, (len(position), max(counts))
worst = 0.0
for i, p in enumerate(position):
    expected = sums[int(p)] / counts[int(p)]
    assert n[i] == counts[int(p)], (p, n[i], counts[int(p)])
    worst = max(worst, abs(mean[i] - expected) / abs(expected))
assert worst < 1e-6, worst
print("plugin-it: numpy agrees on %d positions (max relative difference %.2e); mean RMS at position 0: %.6f, at the last: %.6f"
      % (len(position), worst, mean[0], mean[-1]))
PY

step "a plug-in whose class does not load, beside it"
"$PYTHON" - "$JAR" "$PRODUCT/dropins/org.example.broken_1.0.0.jar" <<'PY'
import sys, zipfile
source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "META-INF/MANIFEST.MF":
            data = data.replace(b"Bundle-SymbolicName: org.example.rms", b"Bundle-SymbolicName: org.example.broken")
        elif item.filename == "plugin.xml":
            data = data.replace(b'id="org.example.rms.rmsByPosition"', b'id="org.example.broken.rms"')
            data = data.replace(b'class="org.example.rms.RmsByPositionAnalysis"', b'class="org.example.broken.Missing"')
        elif item.filename.endswith(".class"):
            continue
        zout.writestr(item, data)
PY
set +e
mechanist plugins list > "$WORK/list.log" 2>&1; list_code=$?
mechanist run org.example.broken.rms --store "$WORK/store" --capture demo --param site=$SITE > "$WORK/broken.log" 2>&1; broken_code=$?
set -e
[ $list_code = 1 ] || { cat "$WORK/list.log"; fail "plugins list should exit 1 with a broken plug-in"; }
grep -q "problem: analysis org.example.broken.rms of plug-in org.example.broken cannot be created" "$WORK/list.log" \
  || { cat "$WORK/list.log"; fail "plugins list does not name the broken plug-in"; }
[ $broken_code != 0 ] || fail "running the broken analysis succeeded"
grep -q "org.example.broken" "$WORK/broken.log" || { cat "$WORK/broken.log"; fail "the failed run does not name the bundle"; }
mechanist run $ANALYSIS --store "$WORK/store" --capture demo --param site=$SITE > "$WORK/run2.log" 2>&1 \
  || { cat "$WORK/run2.log"; fail "the working plug-in stopped working beside the broken one"; }

step "mechanist plugins remove"
mechanist plugins remove $ID > "$WORK/remove.log" 2>&1 || { cat "$WORK/remove.log"; fail "plugins remove $ID"; }
mechanist plugins remove org.example.broken > "$WORK/remove2.log" 2>&1 || { cat "$WORK/remove2.log"; fail "plugins remove org.example.broken"; }
mechanist analyses > "$WORK/analyses2.log" 2>/dev/null
if grep -q "org.example" "$WORK/analyses2.log"; then fail "removed analyses are still listed"; fi
[ -z "$(ls -A "$PRODUCT/dropins")" ] || fail "the dropins folder is not empty after removal"

step "done"
awk -v a="$total_start" -v b="$(date +%s.%N)" 'BEGIN { printf "plugin-it: the outsider path passed in %.1f s\n", b - a }'
