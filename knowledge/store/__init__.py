"""The database: schema, migrations, loading, exporting, queries. From `places` up import it."""
