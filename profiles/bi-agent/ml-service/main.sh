#!/bin/sh
# BI-Agent ML service stand-in program: GET /health, /models, /predict (a fixed prediction).
. /usr/local/lib/standin.sh
www=/tmp/www
mkdir -p "$www" /app/logs
echo '{"status":"healthy","service":"ml-service","models_loaded":2}' >"$www/health"
echo '{"models":[{"name":"churn","version":"3","bucket":"'"${MODEL_BUCKET:-models}"'"},{"name":"forecast","version":"1","bucket":"'"${MODEL_BUCKET:-models}"'"}]}' >"$www/models"
echo '{"model":"churn","prediction":0.12,"confidence":0.87}' >"$www/predict"
echo "INFO:     Started server process [$$]"
echo "INFO:     Waiting for application startup."
echo "INFO:     Loaded 2 models from s3://${MODEL_BUCKET:-models} (${MINIO_ENDPOINT:-http://minio:9000})"
echo "INFO:     Application startup complete."
standin_http 8000 "$www"
echo "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)"
standin_wait
