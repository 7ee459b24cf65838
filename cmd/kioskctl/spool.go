package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/spool"
)

func newSpoolCmd(g *globals) *cobra.Command {
	sp := &cobra.Command{Use: "spool", Short: "List and act on the print queue"}
	var asJSON bool
	ls := &cobra.Command{
		Use:   "ls",
		Short: "List the jobs in the print queue, oldest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := g.client()
			if err != nil {
				return err
			}
			jobs, err := c.SpoolJobs(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), jobs)
			}
			printJobs(cmd.OutOrStdout(), jobs)
			return nil
		},
	}
	ls.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	sp.AddCommand(ls,
		jobCmd(g, "show ID", "Show one job", (*localapi.Client).SpoolJob),
		jobCmd(g, "release ID", "Print a held or failed job again", (*localapi.Client).SpoolRelease),
		jobCmd(g, "cancel ID", "Cancel a job that has not printed", (*localapi.Client).SpoolCancel),
		&cobra.Command{
			Use:   "purge",
			Short: "Delete the records of finished jobs",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				c, err := g.client()
				if err != nil {
					return err
				}
				n, err := c.SpoolPurge(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "purged %d finished jobs\n", n)
				return nil
			},
		},
	)
	return sp
}

// jobCmd is a command taking a job id and printing the job the agent answers with.
func jobCmd(g *globals, use, short string, call func(*localapi.Client, context.Context, string) (spool.Job, error)) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := g.client()
			if err != nil {
				return err
			}
			j, err := call(c, cmd.Context(), args[0])
			if err != nil {
				return err
			}
			return printJSON(cmd.OutOrStdout(), j)
		},
	}
}

func printJobs(w io.Writer, jobs []spool.Job) {
	if len(jobs) == 0 {
		fmt.Fprintln(w, "the print queue is empty")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPRINTER\tSTATE\tREASON\tTITLE\tATTEMPTS\tUPDATED")
	for _, j := range jobs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", j.ID, j.Printer, j.State, j.Reason, j.Title, j.Attempts, j.Updated.Local().Format("01-02 15:04:05"))
	}
	tw.Flush()
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
