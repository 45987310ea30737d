package nl.mensenmakennederland.digest;

/**
 * What one job's reader found: its section, whether anything happened in the period, and how
 * many of its records with personal data are due for deletion (TTL) in the coming week.
 */
record Activity(Section section, boolean happened, long dueForDeletion) {}
