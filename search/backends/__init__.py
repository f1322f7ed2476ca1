"""The store backends, each a `search.store.CaseStore`: `sqlite` (embedded, the default) and
`elastic` (an Elasticsearch cluster). Neither imports the other; what both index for a case
comes from `search.indexing`. `search.open.open_store` picks one from a store location."""
