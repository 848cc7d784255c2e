import type { Command } from 'commander';
import { addAccount, disableAccount } from '../../editor/accounts.js';
import { openConfiguredStore } from '../config.js';
import { printJson, type Output } from '../output.js';
import { readSecret } from '../read-secret.js';

/** `user add|list|disable`: the editors' accounts (the web app's review workflow). */
export function registerUserCommands(program: Command, out: Output): void {
  const user = program.command('user').description('accounts van de redactie (beoordelen in de webapp)');

  user
    .command('add')
    .description('maak een account; het wachtwoord komt van een verborgen prompt of van stdin (de eerste regel)')
    .argument('<name>', 'gebruikersnaam (kleine letters, cijfers, . _ -)')
    .requiredOption('--role <role>', 'editor (beoordeelt) of admin (beoordeelt en beheert accounts)')
    .action(async (name: string, flags: { role: string }) => {
      const password = await readSecret(`wachtwoord voor ${name}: `);
      const store = await openConfiguredStore({ ...program.opts(), forWriting: true, onWriterWait: (message) => out.stderr(`${message}\n`) });
      try {
        const added = await addAccount(store, name, flags.role, password);
        out.stdout(`account ${added.name} (${added.role}) aangemaakt\n`);
      } finally {
        await store.close();
      }
    });

  user
    .command('list')
    .description('alle accounts, met rol en of ze uitgeschakeld zijn')
    .option('--json', 'als JSON')
    .action(async (flags: { json?: boolean }) => {
      const store = await openConfiguredStore({ ...program.opts(), forWriting: false });
      try {
        const users = (await store.users()).map((u) => ({ name: u.name, role: u.role, createdAt: u.createdAt, disabledAt: u.disabledAt }));
        if (flags.json) return printJson(out, users);
        if (users.length === 0) return out.stdout('nog geen accounts: maak er een met "beloftemeter user add NAAM --role admin"\n');
        for (const u of users) out.stdout(`${u.name}\t${u.role}\t${u.disabledAt ? `uitgeschakeld op ${u.disabledAt.slice(0, 10)}` : 'actief'}\n`);
      } finally {
        await store.close();
      }
    });

  user
    .command('disable')
    .description('schakel een account uit; zijn sessies eindigen meteen')
    .argument('<name>')
    .action(async (name: string) => {
      const store = await openConfiguredStore({ ...program.opts(), forWriting: true, onWriterWait: (message) => out.stderr(`${message}\n`) });
      try {
        await disableAccount(store, name);
        out.stdout(`account ${name} uitgeschakeld\n`);
      } finally {
        await store.close();
      }
    });
}
