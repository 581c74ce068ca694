"""HTTP: the FastAPI application, its schemas, dependencies and routes."""
