# Sourced by bench/overhead.sh and bench/key-latency.sh: an N-container compose project of busybox
# services (one in ten burns a little CPU, half print a line a second, the rest sleep, and aaa-chatty
# prints 10 lines a second), with a compose file and a stacktui profile for it in $work.
# Needs: project, work, image. Sets: ids (the containers' ids).
# docker-compose 1.29 stalled creating 200 services here; docker run with compose's labels makes the
# same project (stacktui and docker stats find it by label), 8 at a time.

start_one() { # NAME COMMAND...
	local name=$1
	shift
	docker run -d --name "${project}_${name}_1" --network none --init \
		--label "com.docker.compose.project=$project" --label "com.docker.compose.service=$name" \
		--label com.docker.compose.container-number=1 --label com.docker.compose.oneoff=False \
		"$image" "$@" >/dev/null
}

make_stack() { # COUNT
	local count=$1 index name
	{
		echo "services:"
		echo "  aaa-chatty: {image: $image}"
		for ((index = 1; index < count; index++)); do printf '  svc-%03d: {image: %s}\n' "$index" "$image"; done
	} >"$work/docker-compose.yml"
	printf 'name: bench\ncompose: docker-compose.yml\nproject: %s\nrefresh: 1s\n' "$project" >"$work/profile.yaml"
	export -f start_one
	export project image
	{
		printf '%s\0' aaa-chatty chatter 0.1 ''
		for ((index = 1; index < count; index++)); do
			name=$(printf 'svc-%03d' "$index")
			if ((index % 10 == 0)); then
				printf '%s\0' "$name" sh -c 'i=0; while :; do i=$((i+1)); [ $((i % 300)) -eq 0 ] && sleep 0.1; done'
			elif ((index % 2 == 0)); then
				printf '%s\0' "$name" sh -c 'while :; do echo "tick $(date +%s)"; sleep 1; done'
			else
				printf '%s\0' "$name" sh -c 'exec sleep 2147483647'
			fi
		done
	} | xargs -0 -n 4 -P 8 bash -c 'start_one "$@"' start_one >"$work/up.log" 2>&1 || { tail -5 "$work/up.log" >&2; return 1; }
	local running
	running=$(docker ps -q --filter "label=com.docker.compose.project=$project" | wc -l)
	[ "$running" -eq "$count" ] || { echo "expected $count running containers, found $running" >&2; tail -5 "$work/up.log" >&2; return 1; }
	ids=$(docker ps -q --filter "label=com.docker.compose.project=$project" | tr '\n' ' ')
}

remove_stack() {
	local found
	found=$(docker ps -aq --filter "label=com.docker.compose.project=$project")
	[ -n "$found" ] && docker rm -f -v $found >/dev/null
	return 0
}
