"""Qualified: a sales-training simulation game (the headless engine and its front ends)."""
