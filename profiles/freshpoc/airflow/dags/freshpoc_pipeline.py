"""FreshPoC pipeline: trigger ingestion, mining, analysis, graph writing and reporting."""
from datetime import datetime

from airflow import DAG
from airflow.providers.http.operators.http import HttpOperator

with DAG(
    dag_id="freshpoc_pipeline",
    start_date=datetime(2024, 10, 1),
    schedule="@hourly",
    catchup=False,
) as dag:
    steps = [
        HttpOperator(task_id=name, http_conn_id=name, endpoint="/health", method="GET")
        for name in ["ingestion", "miner", "analyzer", "writer", "reporting"]
    ]
    for upstream, downstream in zip(steps, steps[1:]):
        upstream >> downstream
