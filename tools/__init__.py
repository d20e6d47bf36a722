"""Developer tools run by hand or by make, never imported by the running bot."""
