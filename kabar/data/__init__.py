"""Language knowledge and contracts shipped with Kabar, as data files."""
