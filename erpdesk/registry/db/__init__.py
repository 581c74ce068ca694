"""The registry's database: tables, engine, migrations, change cursor, audit."""
