"""BI-Agent background tasks (analytics, ML and data groups)."""
from celery import Celery

app = Celery("tasks")
app.config_from_object("config")


@app.task
def refresh_analytics_views():
    return "refreshed"


@app.task
def calculate_kpis():
    return {"kpis": 0}


@app.task
def update_ml_models():
    return "updated"


@app.task
def train_model(name: str):
    return {"model": name}


@app.task
def import_data(source: str):
    return {"imported": source}


@app.task
def process_data(batch: str):
    return {"processed": batch}
