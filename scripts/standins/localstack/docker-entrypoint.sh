#!/bin/sh
# LocalStack stand-in (stacktui): the gateway on :4566 (GATEWAY_LISTEN) answers
# /_localstack/health with the real JSON shape ({"services": {...}, "edition": "community",
# "version": ...}: the services of SERVICES, else the default set, as "available"),
# /_localstack/info, /_localstack/init, and GET / with an empty S3 bucket list. Logs "Ready.".
. /usr/local/lib/standin.sh
if [ $# -gt 0 ]; then exec "$@"; fi
version=3.8.1
listen=${GATEWAY_LISTEN:-0.0.0.0:4566}
port=$(standin_port "${listen%%,*}")
services=$(echo "${SERVICES:-acm,apigateway,cloudformation,cloudwatch,dynamodb,dynamodbstreams,ec2,es,events,firehose,iam,kinesis,kms,lambda,logs,opensearch,redshift,resource-groups,resourcegroupstaggingapi,route53,route53resolver,s3,s3control,scheduler,secretsmanager,ses,sns,sqs,ssm,stepfunctions,sts,support,swf,transcribe}" | tr ',' ' ')
www=/srv/localstack
mkdir -p "$www/_localstack" /var/lib/localstack /tmp/localstack
body= sep=
for s in $services; do
	body="$body$sep\"$s\": \"available\""
	sep=", "
done
printf '{"services": {%s}, "edition": "community", "version": "%s"}\n' "$body" "$version" >"$www/_localstack/health"
started=$(date +%s)
printf '{"version": "%s", "edition": "community", "is_license_activated": false, "session_id": "%s", "machine_id": "dkr_%s", "system": "linux", "is_docker": true, "server_time_utc": "%s", "uptime": 0, "stacktui_standin": true}\n' \
	"$version" "$(standin_hex 8)-$(standin_hex 4)-$(standin_hex 4)-$(standin_hex 4)-$(standin_hex 12)" "$(standin_hex 12)" "$(standin_now)" >"$www/_localstack/info"
echo '{"completed": {"BOOT": true, "START": true, "READY": true, "SHUTDOWN": false}, "scripts": []}' >"$www/_localstack/init"
cat >"$www/index.html" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>webfile</DisplayName></Owner><Buckets></Buckets></ListAllMyBucketsResult>
XML
echo
echo "LocalStack version: $version (stacktui stand-in)"
echo "LocalStack build date: 2024-10-24"
echo "LocalStack build git hash: standin"
echo
standin_http "$port" "$www"
echo "$(standin_now) INFO --- [  MainThread] l.runtime.init             : running main init stage BOOT"
echo "Ready."
standin_wait
