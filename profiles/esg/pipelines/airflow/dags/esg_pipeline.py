"""ESG evaluation pipeline: ingest filings, score maturity, publish to the MCP server's cache."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="esg_pipeline",
    start_date=datetime(2025, 10, 24),
    schedule="@daily",
    catchup=False,
    tags=["esg"],
) as dag:
    ingest = BashOperator(task_id="ingest_filings", bash_command="echo ingest")
    score = BashOperator(task_id="score_maturity", bash_command="echo score")
    publish = BashOperator(task_id="publish_scores", bash_command="echo publish")
    ingest >> score >> publish
