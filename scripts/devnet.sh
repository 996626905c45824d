#!/usr/bin/env bash
# A local multi-validator devnet on loopback, set up the way operators set up a network.
#
#   scripts/devnet.sh start [--validators N] [--dir DIR] [--port-offset K] [--detach]
#       Writes a chain spec with N authorities (default 4: Alice, Bob, Charlie, Dave; then Eve,
#       Ferdie, and //Validator7 on) from the local_testnet preset, with the first validator as
#       its boot node, and turns it into a raw spec (build-spec --raw). Gives every node a
#       network key (key generate-node-key) and every validator its Aura (sr25519) and GRANDPA
#       (ed25519) keys in its keystore (key insert). Starts the N validators and one full node
#       ("full"), prints their endpoints and logs each node to DIR/<name>/node.log.
#       In the foreground (the default) it stops every node it started on Ctrl-C; with
#       --detach it returns once every node answers RPC, and `stop` ends them.
#   scripts/devnet.sh stop [--dir DIR]                 stops every node of the devnet
#   scripts/devnet.sh status [--dir DIR]               each node's endpoint, peers and heads
#   scripts/devnet.sh kill NAME [--hard] [--dir DIR]   stops one node (SIGINT; --hard: SIGKILL)
#   scripts/devnet.sh restart NAME [--new-node-key] [--no-wait] [--dir DIR]
#       starts NAME again on its database (and keystore); --new-node-key gives it a new
#       network identity first; --no-wait returns before its RPC answers
#   scripts/devnet.sh join NAME [--dir DIR]            a new full node, syncing from genesis
#
# Ports of node i (validators from 0, the full node after them, joined nodes after that):
# p2p 30333 + i, RPC 9944 + i, Prometheus 9615 + i, each plus --port-offset. The devnet lives in
# DIR (default $DEVNET_DIR, else $TMPDIR/taonet-devnet), which `start` stops and empties first.
# The node binary is $TAONET_NODE (scripts/env.sh): build it first (cargo build --workspace).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

DEVNET_DIR="${DEVNET_DIR:-${TMPDIR:-/tmp}/taonet-devnet}"
NAMES=(alice bob charlie dave eve ferdie)

die() { echo "devnet: $*" >&2; exit 1; }
log() { echo "[devnet] $*"; }

usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

# The seed of validator i: the well-known dev names, then //Validator<i+1>.
seed_of() {
	local i=$1
	if [ "$i" -lt "${#NAMES[@]}" ]; then
		local name=${NAMES[$i]}
		echo "//${name^}"
	else
		echo "//Validator$((i + 1))"
	fi
}

name_of() {
	local i=$1
	if [ "$i" -lt "${#NAMES[@]}" ]; then echo "${NAMES[$i]}"; else echo "validator$((i + 1))"; fi
}

# Reads a saved setting of the devnet.
setting() { cat "$DEVNET_DIR/$1"; }

rpc() {
	curl -sf --max-time 5 -H 'content-type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" "http://127.0.0.1:$1"
}

# Starts the node in DIR/<name> in the background from its saved arguments.
launch() {
	local name=$1 home="$DEVNET_DIR/$1"
	[ -f "$home/args" ] || die "no node $name in $DEVNET_DIR"
	if [ -f "$home/pid" ] && kill -0 "$(cat "$home/pid")" 2>/dev/null; then
		die "$name is already running (pid $(cat "$home/pid"))"
	fi
	local args=()
	mapfile -t args < "$home/args"
	# In this script's process group: whoever stops the group (Ctrl-C in a terminal, a CI
	# runner) stops the nodes too.
	"$TAONET_NODE" "${args[@]}" >> "$home/node.log" 2>&1 < /dev/null &
	echo $! > "$home/pid"
}

wait_for_rpc() {
	local name=$1 port deadline=$((SECONDS + ${DEVNET_STARTUP_TIMEOUT:-180}))
	port=$(cat "$DEVNET_DIR/$name/rpc-port")
	until rpc "$port" system_health > /dev/null; do
		if ! kill -0 "$(cat "$DEVNET_DIR/$name/pid")" 2>/dev/null; then
			tail -n 30 "$DEVNET_DIR/$name/node.log" >&2
			die "$name exited during startup (log: $DEVNET_DIR/$name/node.log)"
		fi
		[ "$SECONDS" -lt "$deadline" ] || die "$name does not answer RPC on $port"
		sleep 0.5
	done
}

# Writes DIR/<name>/args for node `index`; `validator` is 1 for a validator.
configure() {
	local name=$1 index=$2 validator=$3 offset home="$DEVNET_DIR/$1"
	offset=$(setting port-offset)
	mkdir -p "$home"
	local p2p=$((30333 + offset + index)) rpc_port=$((9944 + offset + index))
	local prometheus=$((9615 + offset + index))
	echo "$rpc_port" > "$home/rpc-port"
	[ -f "$home/node-key" ] || "$TAONET_NODE" key generate-node-key --file "$home/node-key" 2> /dev/null
	{
		printf '%s\n' --chain "$DEVNET_DIR/spec.json" --base-path "$home" --name "$name" \
			--node-key-file "$home/node-key" --port "$p2p" --rpc-port "$rpc_port" \
			--prometheus-port "$prometheus" --rpc-cors all --no-mdns
		[ "$validator" -eq 1 ] && printf '%s\n' --validator
		# The full nodes keep every block's state, so that any finalized block can be compared.
		[ "$validator" -eq 1 ] || printf '%s\n' --state-pruning archive
	} > "$home/args"
}

cmd_start() {
	local validators=4 offset=0 detach=0
	while [ $# -gt 0 ]; do
		case $1 in
			--validators) validators=$2; shift 2 ;;
			--dir) DEVNET_DIR=$2; shift 2 ;;
			--port-offset) offset=$2; shift 2 ;;
			--detach) detach=1; shift ;;
			-h|--help) usage ;;
			*) die "unknown option $1" ;;
		esac
	done
	[[ "$validators" =~ ^[0-9]+$ ]] && [ "$validators" -ge 1 ] || die "--validators wants a number >= 1"
	[ -x "$TAONET_NODE" ] || die "no node binary at $TAONET_NODE: cargo build --workspace --locked"
	if [ -d "$DEVNET_DIR" ] && [ -n "$(ls -A "$DEVNET_DIR")" ]; then
		# Only a devnet's own folder is emptied, never a folder given by mistake.
		[ -f "$DEVNET_DIR/validators" ] || die "$DEVNET_DIR is not empty and holds no devnet: choose another --dir"
		cmd_stop_quiet
		rm -rf "$DEVNET_DIR"
	fi
	mkdir -p "$DEVNET_DIR"
	echo "$offset" > "$DEVNET_DIR/port-offset"
	echo "$validators" > "$DEVNET_DIR/validators"

	# Keys and network identities, then the spec that names them.
	local i name seed aura=() grandpa=()
	for ((i = 0; i < validators; i++)); do
		name=$(name_of "$i")
		seed=$(seed_of "$i")
		configure "$name" "$i" 1
		aura+=("$("$TAONET_NODE" key inspect --scheme sr25519 --output-type json "$seed" |
			python3 -c 'import json, sys; print(json.load(sys.stdin)["ss58Address"])')")
		grandpa+=("$("$TAONET_NODE" key inspect --scheme ed25519 --output-type json "$seed" |
			python3 -c 'import json, sys; print(json.load(sys.stdin)["ss58Address"])')")
	done
	configure full "$validators" 0
	local boot_peer boot_port
	boot_peer=$("$TAONET_NODE" key inspect-node-key --file "$DEVNET_DIR/alice/node-key")
	boot_port=$((30333 + offset))
	"$TAONET_NODE" build-spec --chain local --disable-default-bootnode > "$DEVNET_DIR/spec-plain.json" 2> /dev/null
	AURA="${aura[*]}" GRANDPA="${grandpa[*]}" BOOT="/ip4/127.0.0.1/tcp/$boot_port/p2p/$boot_peer" \
		python3 - "$DEVNET_DIR/spec-plain.json" <<-'EOF'
			import json, os, sys
			path = sys.argv[1]
			spec = json.load(open(path))
			patch = spec["genesis"]["runtimeGenesis"]["patch"]
			patch["aura"]["authorities"] = os.environ["AURA"].split()
			patch["grandpa"]["authorities"] = [[key, 1] for key in os.environ["GRANDPA"].split()]
			spec["bootNodes"] = [os.environ["BOOT"]]
			json.dump(spec, open(path, "w"), indent=2)
		EOF
	"$TAONET_NODE" build-spec --chain "$DEVNET_DIR/spec-plain.json" --raw > "$DEVNET_DIR/spec.json" 2> /dev/null
	for ((i = 0; i < validators; i++)); do
		name=$(name_of "$i")
		seed=$(seed_of "$i")
		"$TAONET_NODE" key insert --chain "$DEVNET_DIR/spec.json" --base-path "$DEVNET_DIR/$name" \
			--scheme sr25519 --suri "$seed" --key-type aura
		"$TAONET_NODE" key insert --chain "$DEVNET_DIR/spec.json" --base-path "$DEVNET_DIR/$name" \
			--scheme ed25519 --suri "$seed" --key-type gran
	done

	local nodes=()
	for ((i = 0; i < validators; i++)); do nodes+=("$(name_of "$i")"); done
	nodes+=(full)
	printf '%s\n' "${nodes[@]}" > "$DEVNET_DIR/nodes"
	if [ "$detach" -eq 0 ]; then
		trap 'echo; log "stopping"; cmd_stop; exit 0' INT TERM
	fi
	for name in "${nodes[@]}"; do launch "$name"; done
	for name in "${nodes[@]}"; do wait_for_rpc "$name"; done
	log "spec: $DEVNET_DIR/spec.json (boot node /ip4/127.0.0.1/tcp/$boot_port/p2p/$boot_peer)"
	for name in "${nodes[@]}"; do
		log "$(printf '%-10s ws://127.0.0.1:%s  log %s' "$name" "$(cat "$DEVNET_DIR/$name/rpc-port")" "$DEVNET_DIR/$name/node.log")"
	done
	if [ "$detach" -eq 1 ]; then
		log "running; stop with: scripts/devnet.sh stop --dir $DEVNET_DIR"
		return
	fi
	log "running; Ctrl-C stops every node"
	while :; do sleep 1; done
}

# Stops node `name` with `signal` and waits for it to exit.
stop_node() {
	local name=$1 signal=${2:-INT} pid_file="$DEVNET_DIR/$1/pid" pid
	[ -f "$pid_file" ] || return 0
	pid=$(cat "$pid_file")
	if kill -0 "$pid" 2>/dev/null; then
		kill -s "$signal" "$pid" 2>/dev/null || true
		local deadline=$((SECONDS + 20))
		while kill -0 "$pid" 2>/dev/null; do
			if [ "$SECONDS" -ge "$deadline" ]; then kill -s KILL "$pid" 2>/dev/null || true; fi
			sleep 0.2
		done
	fi
	rm -f "$pid_file"
}

cmd_stop_quiet() {
	[ -f "$DEVNET_DIR/nodes" ] || return 0
	local name
	while read -r name; do stop_node "$name"; done < "$DEVNET_DIR/nodes"
}

cmd_stop() {
	[ -f "$DEVNET_DIR/nodes" ] || die "no devnet in $DEVNET_DIR"
	cmd_stop_quiet
	log "stopped every node in $DEVNET_DIR"
}

cmd_status() {
	[ -f "$DEVNET_DIR/nodes" ] || die "no devnet in $DEVNET_DIR"
	local name port health best finalized
	while read -r name; do
		port=$(cat "$DEVNET_DIR/$name/rpc-port")
		if health=$(rpc "$port" system_health); then
			best=$(rpc "$port" chain_getHeader | python3 -c 'import json, sys; print(int(json.load(sys.stdin)["result"]["number"], 16))')
			finalized=$(rpc "$port" chain_getFinalizedHead | python3 -c 'import json, sys; print(json.load(sys.stdin)["result"])')
			finalized=$(rpc "$port" chain_getHeader "[\"$finalized\"]" | python3 -c 'import json, sys; print(int(json.load(sys.stdin)["result"]["number"], 16))')
			printf '%-10s ws://127.0.0.1:%-5s peers %s  best #%s  finalized #%s\n' "$name" "$port" \
				"$(echo "$health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["result"]["peers"])')" "$best" "$finalized"
		else
			printf '%-10s ws://127.0.0.1:%-5s down\n' "$name" "$port"
		fi
	done < "$DEVNET_DIR/nodes"
}

cmd_node() {
	local action=$1 name="" hard=0 new_key=0 wait=1
	shift
	while [ $# -gt 0 ]; do
		case $1 in
			--dir) DEVNET_DIR=$2; shift 2 ;;
			--hard) hard=1; shift ;;
			--new-node-key) new_key=1; shift ;;
			--no-wait) wait=0; shift ;;
			-*) die "unknown option $1" ;;
			*) name=$1; shift ;;
		esac
	done
	[ -n "$name" ] || die "$action: which node?"
	case $action in
		kill)
			if [ "$hard" -eq 1 ]; then stop_node "$name" KILL; else stop_node "$name" INT; fi
			log "$name stopped" ;;
		restart)
			stop_node "$name"
			if [ "$new_key" -eq 1 ]; then
				rm -f "$DEVNET_DIR/$name/node-key"
				"$TAONET_NODE" key generate-node-key --file "$DEVNET_DIR/$name/node-key" 2> /dev/null
			fi
			launch "$name"
			[ "$wait" -eq 1 ] || { log "$name starting"; return; }
			wait_for_rpc "$name"
			log "$name restarted: ws://127.0.0.1:$(cat "$DEVNET_DIR/$name/rpc-port")" ;;
		join)
			[ ! -d "$DEVNET_DIR/$name" ] || die "$name exists already"
			configure "$name" "$(wc -l < "$DEVNET_DIR/nodes")" 0
			echo "$name" >> "$DEVNET_DIR/nodes"
			launch "$name"
			wait_for_rpc "$name"
			log "$name joined: ws://127.0.0.1:$(cat "$DEVNET_DIR/$name/rpc-port")" ;;
	esac
}

[ $# -gt 0 ] || usage 1
command=$1
shift
case $command in
	start) cmd_start "$@" ;;
	stop|status)
		while [ $# -gt 0 ]; do
			case $1 in --dir) DEVNET_DIR=$2; shift 2 ;; *) die "unknown option $1" ;; esac
		done
		"cmd_$command" ;;
	kill|restart|join) cmd_node "$command" "$@" ;;
	-h|--help|help) usage ;;
	*) usage 1 ;;
esac
