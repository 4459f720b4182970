"""Keeping the data current: the Data page (and its column mapping), editing, the change log
page, and the roles given in the app."""
