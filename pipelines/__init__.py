"""leian pipelines: Prefect flows wiring extractors and search together, and the CLI."""
