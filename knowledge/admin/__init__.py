"""Administration of the knowledge base: who may edit, editing, history, reminders, backups."""
