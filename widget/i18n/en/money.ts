/** English strings for instruments, quotes, transfers. Money steps add theirs here. */
export const money = {
  rampTitle: 'Move money',
  quoteTitle: 'Review your quote',
  transferTitle: 'Your transfer',
  historyTitle: 'Your transfers',
};
