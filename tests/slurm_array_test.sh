#!/usr/bin/env bash
# A real single-node Slurm cluster (munged, slurmctld, slurmd from Debian's
# packages; all state in a scratch folder, no systemd) runs
# deploy/slurm/jixiao-array.sbatch as a job array over a generated batch.
# Checks: the merged shard indexes and the documents equal one run on this
# machine (all but the seconds in the index); a task cancelled mid-way and
# submitted again finishes the batch with the same results. Every daemon
# started here is stopped by its PID.
#
#   slurm_array_test.sh JIXIAO_BINARY SOURCE_DIR
set -euo pipefail
jixiao=$(realpath "$1")
src=$(realpath "$2")
skip=77

for tool in munged mungekey slurmctld slurmd sbatch scancel sinfo python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool not installed (deps/debian-packages.txt: munge slurmctld slurmd slurm-client)"
    exit $skip
  fi
done
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: slurmd needs root"
  exit $skip
fi

work=$(mktemp -d /tmp/jixiao-slurm.XXXXXX)
chmod 755 "$work"   # munged refuses a socket others cannot reach
daemons=()
export SLURM_CONF=$work/slurm.conf

stop_all() {
  local status=$?
  if [ -f "$SLURM_CONF" ] && [ ${#daemons[@]} -gt 1 ]; then scancel --name=jixiao-test >/dev/null 2>&1 || true; fi
  # Newest first: slurmd, slurmctld, munged.
  for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do kill "${daemons[i]}" 2>/dev/null || true; done
  for pid in "${daemons[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ $status -ne 0 ] && [ $status -ne $skip ]; then
    for log in "$work"/log/*.log "$work"/jobs/*.log; do
      [ -f "$log" ] && { echo "== $log"; tail -20 "$log"; }
    done
  fi
  rm -rf "$work"
  exit $status
}
trap stop_all EXIT

fail() { echo "FAIL: $*"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- munge -----------------------------------------------------------------
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log" "$work/jobs"
mungekey --create --keyfile="$work/munge/munge.key"
munged -F --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" \
  --seed-file="$work/munge/seed" >>"$work/log/munged.log" 2>&1 &
daemons+=($!)
for _ in $(seq 50); do [ -S "$work/munge/socket" ] && break; sleep 0.2; done
[ -S "$work/munge/socket" ] || fail "munged did not start"

# --- slurm -----------------------------------------------------------------
node=$(hostname -s)
cat >"$SLURM_CONF" <<CONF
ClusterName=jixiaotest
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
# sbatch --wait polls as often as finished jobs are kept.
MinJobAge=2
KillWait=5
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=2 RealMemory=4000 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i -f "$SLURM_CONF" >>"$work/log/slurmctld.out" 2>&1 &
daemons+=($!)
slurmd -D -f "$SLURM_CONF" >>"$work/log/slurmd.out" 2>&1 &
daemons+=($!)
for _ in $(seq 100); do
  sinfo -h -o %t 2>/dev/null | grep -q idle && break
  sleep 0.3
done
sinfo -h -o %t | grep -q idle || fail "the Slurm node did not come up"

# --- a batch and the reference run on this machine ----------------------------
# Text reports in two folders; enough of them that one task runs for seconds.
mkdir -p "$work/in/a" "$work/in/b"
n=0
for copy in $(seq 250); do
  for sample in "$src"/samples/*.txt; do
    folder=$([ $((copy % 2)) = 0 ] && echo a || echo b)
    cp "$sample" "$work/in/$folder/$n-$(basename "$sample")"
    n=$((n + 1))
  done
done
cd "$work"
"$jixiao" manifest in >manifest.tsv
mkdir -p single && "$jixiao" run -q --jobs 2 --manifest manifest.tsv -o single/docs --index single/index.jsonl

# --- the array, with task 1 cancelled mid-way ---------------------------------
export JIXIAO="$jixiao" JIXIAO_MANIFEST=$work/manifest.tsv JIXIAO_OUT=$work/shared
submit() { sbatch --job-name=jixiao-test --cpus-per-task=1 --mem-per-cpu=500M --output="$work/jobs/%A_%a.log" "$@" \
  "$src/deploy/slurm/jixiao-array.sbatch"; }
submit --wait --array=0-2 >"$work/jobs/array.out" 2>&1 &
array_waiter=$!
index1=$work/shared/index/shard-1.jsonl
for _ in $(seq 600); do
  [ -f "$index1" ] && [ "$(wc -l <"$index1")" -ge 5 ] && break
  sleep 0.1
done
[ -f "$index1" ] || fail "task 1 wrote no index"
job=$(awk '/Submitted batch job/ {print $4}' "$work/jobs/array.out")
[ -n "$job" ] || fail "no job id from sbatch"
scancel "${job}_1"
# The exit status of sbatch --wait for an array with a cancelled task was
# seen to be 0 or not (finished tasks are forgotten after a small
# MinJobAge); what tells is the index of task 1, cut short.
wait "$array_waiter" || true
done_before=$(grep -c . "$index1")
echo "task 1 cancelled after $done_before index lines (a shard holds about $((n / 3)) inputs)"
[ "$done_before" -lt $((n / 3 - 1)) ] || fail "task 1 finished before it was cancelled; the batch is too small"

# Submitted again as the single task 1 of 3: it resumes.
JIXIAO_SHARDS=3 submit --wait --array=1 >>"$work/jobs/array.out" 2>&1 || fail "the resubmitted task failed"
ls "$work/shared/docs" | grep -q '\.tmp\.' && fail "temporary files left in the output folder"

# --- the same results as the single-machine run -------------------------------
"$jixiao" index merge shared/index/shard-*.jsonl >shared/index.jsonl
diff -r single/docs shared/docs >/dev/null || fail "documents differ from the single-machine run"
python3 - single/index.jsonl shared/index.jsonl <<'PY' || fail "the merged index differs from the single-machine run"
import json, os, sys
def lines(path):
    out = []
    for text in open(path, encoding="utf-8"):
        j = json.loads(text)
        j.pop("seconds")
        j["output"] = os.path.basename(j["output"])
        out.append(j)
    return out
want, got = lines(sys.argv[1]), lines(sys.argv[2])
if len(want) != len(got):
    sys.exit(f"{len(got)} merged lines, {len(want)} expected")
# The input whose document was written when the task was cancelled, and
# whose index line was not, is "skipped" (up to date) in the resumed run:
# one such line at most, with --jobs 1.
resumed = 0
for w, g in zip(want, got):
    if g.get("status") == "skipped" and w.get("status") == "ok":
        resumed += 1
        g["status"] = "ok"
    if w != g:
        sys.exit(f"differs:\n  {w}\n  {g}")
if resumed > 1:
    sys.exit(f"{resumed} inputs only skipped")
PY
echo "PASS: 3-task array, one task cancelled and resubmitted: $(wc -l <shared/index.jsonl) inputs equal to the single-machine run"
