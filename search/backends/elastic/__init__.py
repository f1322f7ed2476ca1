"""The Elasticsearch store (`store`): the connection with its retries and credentials
(`connect`), bulk writes (`bulk`), the query language as Elasticsearch queries (`query`) and
the analysts' corrections (`corrections`)."""
