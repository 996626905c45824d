#!/usr/bin/env bash
# Checks the Docker files without a Docker engine (a step of scripts/test.sh):
#
#   - docker/docker-compose.yml against the Compose specification and dclint's rules
#     (dclint, an e2e npm dependency);
#   - every service's command is accepted by this taonet-node (its flags parsed with --help);
#   - docker/Dockerfile's builder stage builds as CI builds: its RUN steps are exactly
#     scripts/setup.sh --build-only and scripts/build.sh --release, and the binary it ships is
#     the one build.sh writes.
#
#   docker/check.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$TAONET_ROOT"

echo "[docker] dclint docker/docker-compose.yml"
(cd e2e && npx --no-install dclint ../docker/docker-compose.yml)

python3 - "$TAONET_NODE" <<'PY'
import json, subprocess, sys

node = sys.argv[1]
failures = []

# The compose file as data: dclint has checked its shape; read each service's command.
compose = json.loads(subprocess.run(
    ["node", "-e", "const y = require('yaml'); const fs = require('fs');"
     "process.stdout.write(JSON.stringify(y.parse(fs.readFileSync('../docker/docker-compose.yml', 'utf8'))))"],
    cwd="e2e", check=True, capture_output=True, text=True).stdout)
for name, service in compose["services"].items():
    command = service.get("command", [])
    run = subprocess.run([node, *command, "--help"], capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"compose service {name}: taonet-node refuses {' '.join(command)}: {run.stderr.strip()}")
    if service.get("build", {}).get("dockerfile") != "docker/Dockerfile":
        failures.append(f"compose service {name}: not built from docker/Dockerfile")

# The Dockerfile's stages and steps (continuation lines joined).
lines, current = [], ""
for raw in open("docker/Dockerfile"):
    line = raw.rstrip("\n")
    if line.lstrip().startswith("#") and not current:
        continue
    current += line.rstrip("\\").strip() + " "
    if not line.endswith("\\"):
        if current.strip():
            lines.append(current.strip())
        current = ""
stages = []
for line in lines:
    word, _, rest = line.partition(" ")
    if word.upper() == "FROM":
        stages.append({"from": rest, "run": [], "env": {}, "copy": []})
    elif stages and word.upper() == "RUN":
        stages[-1]["run"].append(rest)
    elif stages and word.upper() == "ENV":
        key, _, value = rest.partition("=")
        stages[-1]["env"][key] = value
    elif stages and word.upper() == "COPY":
        stages[-1]["copy"].append(rest)
builder = next((s for s in stages if s["from"].endswith(" AS builder")), None)
if builder is None:
    failures.append("Dockerfile: no builder stage (FROM ... AS builder)")
else:
    expected = ["scripts/setup.sh --build-only", "scripts/build.sh --release"]
    if builder["run"] != expected:
        failures.append(f"Dockerfile: the builder stage runs {builder['run']}, not CI's steps {expected}")
    target = builder["env"].get("CARGO_TARGET_DIR")
    shipped = f"--from=builder {target}/release/taonet-node "
    if not target or not any(c.startswith(shipped) for s in stages for c in s["copy"]):
        failures.append(f"Dockerfile: the image does not ship {target}/release/taonet-node, the binary build.sh writes")

if failures:
    print("docker files out of step:", *failures, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"[docker] {len(compose['services'])} compose services accepted by taonet-node; the Dockerfile builds with CI's steps")
PY
