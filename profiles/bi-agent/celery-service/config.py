"""Celery configuration: Redis broker and result backend, one queue per task group."""
import os

broker_url = os.environ.get("CELERY_BROKER_URL", "redis://redis:6379/1")
result_backend = os.environ.get("CELERY_RESULT_BACKEND", "redis://redis:6379/2")
task_routes = {
    "tasks.refresh_analytics_views": {"queue": "analytics"},
    "tasks.calculate_kpis": {"queue": "analytics"},
    "tasks.update_ml_models": {"queue": "ml"},
    "tasks.train_model": {"queue": "ml"},
    "tasks.import_data": {"queue": "data"},
    "tasks.process_data": {"queue": "data"},
}
beat_schedule = {
    "refresh-analytics": {"task": "tasks.refresh_analytics_views", "schedule": 3600.0},
    "update-ml-models": {"task": "tasks.update_ml_models", "schedule": 86400.0},
}
worker_prefetch_multiplier = 1
