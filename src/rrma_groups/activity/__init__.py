"""The group's activity: actor directory, synergies, participation and yearly report."""
