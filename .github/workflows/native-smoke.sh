#!/usr/bin/env bash
# Smoke test of a running catalogue application, used by native.yml.
#   native-smoke.sh PORT up    the cluster answers: ready, a product stored and read back (price kept as 29.90)
#   native-smoke.sh PORT down  no cluster: alive, not ready, requests answered 503 with Retry-After
set -euo pipefail
port="$1"
mode="$2"
base="http://127.0.0.1:${port}"

status() {
	curl -s -o /dev/null -w '%{http_code}' "$@" || true
}

# Start-up (and, when the cluster is up, its table creation) within 3 minutes.
wanted=200
for i in $(seq 1 180); do
	if [ "$(status "${base}/actuator/health/liveness")" = "$wanted" ]; then
		echo "alive after ${i}s"
		break
	fi
	if [ "$i" = 180 ]; then echo "not alive after 180s"; exit 1; fi
	sleep 1
done

if [ "$mode" = up ]; then
	for i in $(seq 1 120); do
		if [ "$(status "${base}/actuator/health/readiness")" = 200 ]; then echo "ready after ${i}s more"; break; fi
		if [ "$i" = 120 ]; then echo "never ready"; exit 1; fi
		sleep 1
	done
	created=$(curl -sf -X POST -H 'Content-Type: application/json' \
		-d '{"name":"Kettle","category":"kitchen","price":29.90}' "${base}/products")
	echo "created: ${created}"
	id=$(echo "$created" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
	[ -n "$id" ]
	read=$(curl -sf "${base}/products/${id}")
	echo "read: ${read}"
	echo "$read" | grep -q '"price":29.90'
	curl -sf "${base}/products?category=kitchen" | grep -q "$id"
	[ "$(status "${base}/actuator/health")" = 200 ]
else
	# Not ready once the load balancer has found its only node refusing connections (a few seconds).
	for i in $(seq 1 60); do
		if [ "$(status "${base}/actuator/health/readiness")" = 503 ]; then echo "not ready, as expected, after ${i}s"; break; fi
		if [ "$i" = 60 ]; then echo "still ready after 60s with no cluster"; exit 1; fi
		sleep 1
	done
	headers=$(curl -s -D - -o /dev/null "${base}/products/any-id")
	echo "$headers" | head -1
	echo "$headers" | head -1 | grep -q ' 503'
	echo "$headers" | grep -qi '^Retry-After:'
fi
echo "smoke test (${mode}) passed on port ${port}"
