// Account balances; an unknown account has no entry.
package lookup_then_use

// Account holds money.
type Account struct {
	Owner   string
	Balance int
}

// Bank keeps accounts by id.
type Bank struct {
	accounts map[string]*Account
}

// NewBank opens one account.
func NewBank() *Bank {
	return &Bank{accounts: map[string]*Account{"a1": {Owner: "ann", Balance: 10}}}
}

// BalanceOf returns the balance of account id and whether it exists.
func (b *Bank) BalanceOf(id string) (int, bool) {
	acct := b.accounts[id] // want `.acct. is a nil \*Account when .id. is not in map .b.accounts., and .acct.Balance. on line 23 reads field Balance through it`
	return acct.Balance, true
}
