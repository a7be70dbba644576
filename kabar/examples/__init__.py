"""The bundled example corpus (see korut-rusia/README.md)."""
