package dev.nines.cli;

class Placeholder {}
